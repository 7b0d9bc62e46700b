// SPDX-License-Identifier: GPL-3.0-or-later
#include "confirmdialog.h"

#include <codeview.h>
#include <theme.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

namespace {

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A bold line across the frame in the theme's colours (followed when the theme changes).
QLabel *banner(const QString &text, const QString &name, Theme::Role background,
               Theme::Role foreground, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    auto paint = [label, background, foreground] {
        label->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2;"
                           " font-weight: bold; padding: 6px; border: none; }")
                .arg(Theme::instance()->name(background), Theme::instance()->name(foreground)));
    };
    paint();
    QObject::connect(Theme::instance(), &Theme::changed, label, paint);
    return label;
}

} // namespace

ConfirmDialog::ConfirmDialog(const ConfirmationTarget &target, const QString &title,
                             const QString &actionLabel, QWidget *parent)
    : QDialog(parent)
    , m_target(target)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("ConfirmDialog"));
    const QColor colour = target.colour.isValid() ? target.colour : palette().highlight().color();
    const QString displayName = target.displayName.isEmpty() ? target.context : target.displayName;

    // The whole content sits in a frame of the context's colour: the one thing that must be
    // impossible to miss is which cluster this goes to.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("confirmFrame"));
    frame->setStyleSheet(
        QStringLiteral("QFrame#confirmFrame { border: 4px solid %1; }").arg(colour.name()));
    outer->addWidget(frame);
    auto *layout = new QVBoxLayout(frame);

    auto *header = new QLabel(displayName, frame);
    header->setObjectName(QStringLiteral("contextHeader"));
    const QColor headerText = colour.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
    header->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold;"
                                         " padding: 6px; border: none; }")
                              .arg(colour.name(), headerText.name()));
    header->setTextFormat(Qt::PlainText);
    layout->addWidget(header);

    if (target.isProtected)
        layout->addWidget(banner(
            tr("PROTECTED context: type the context name \u201c%1\u201d to unlock this write.")
                .arg(target.context),
            QStringLiteral("protectedBanner"), Theme::Role::Danger, Theme::Role::OnDanger, frame));
    if (target.tlsVerificationOff)
        layout->addWidget(banner(
            tr("TLS verification is OFF for this cluster (insecure-skip-tls-verify): the server's "
               "identity is not checked, so this write and your credentials go to whoever "
               "answers."),
            QStringLiteral("tlsInsecureBanner"), Theme::Role::WarningFill, Theme::Role::Text,
            frame));

    auto *form = new QFormLayout;
    form->addRow(tr("Context:"),
                 selectableLabel(displayName == target.context
                                     ? target.context
                                     : tr("%1 (%2)").arg(displayName, target.context),
                                 frame));
    form->addRow(tr("Cluster:"), selectableLabel(target.cluster, frame));
    form->addRow(tr("Namespace:"),
                 selectableLabel(target.ns.isEmpty() ? tr("(cluster-scoped)") : target.ns, frame));
    form->addRow(tr("Object:"),
                 selectableLabel(target.kind + QLatin1Char('/') + target.name, frame));
    layout->addLayout(form);

    m_summary = new QLabel(frame);
    m_summary->setObjectName(QStringLiteral("changeSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);
    layout->addWidget(m_summary);

    m_details = new CodeView(CodeView::Syntax::Diff, frame);
    m_details->setObjectName(QStringLiteral("changeDetails"));
    m_details->setMinimumHeight(120);
    m_details->hide();
    layout->addWidget(m_details, 1);

    auto *dryRunRow = new QHBoxLayout;
    m_dryRunButton = new QPushButton(tr("Preview on server"), frame);
    m_dryRunButton->setToolTip(tr("Send the same request with dryRun=All: the server validates "
                                  "and admits it without storing anything."));
    m_dryRunButton->setAutoDefault(false);
    m_dryRunButton->hide();
    m_dryRunResult = new QLabel(frame);
    m_dryRunResult->setObjectName(QStringLiteral("dryRunResult"));
    m_dryRunResult->setWordWrap(true);
    m_dryRunResult->setTextFormat(Qt::PlainText);
    m_dryRunResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dryRunRow->addWidget(m_dryRunButton);
    dryRunRow->addWidget(m_dryRunResult, 1);
    layout->addLayout(dryRunRow);
    connect(m_dryRunButton, &QPushButton::clicked, this, &ConfirmDialog::runDryRun);

    if (target.isProtected) {
        m_protectionEdit = new QLineEdit(frame);
        m_protectionEdit->setObjectName(QStringLiteral("protectionEdit"));
        m_protectionEdit->setPlaceholderText(tr("Type %1 to confirm").arg(target.context));
        layout->addWidget(m_protectionEdit);
        connect(m_protectionEdit, &QLineEdit::textChanged, this,
                &ConfirmDialog::updateConfirmEnabled);
    }

    auto *buttons = new QDialogButtonBox(frame);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_confirmButton = buttons->addButton(actionLabel, QDialogButtonBox::AcceptRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    m_confirmButton->setAutoDefault(false);
    m_cancelButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    updateConfirmEnabled();
    resize(560, sizeHint().height());
    // Cancel has the focus, except where the user must type first.
    if (m_protectionEdit)
        m_protectionEdit->setFocus();
    else
        m_cancelButton->setFocus();
}

void ConfirmDialog::setChange(const QString &summary, const QString &details)
{
    m_summary->setText(summary);
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
    if (!details.isEmpty())
        resize(qMax(width(), 720), qMax(height(), 520));
}

void ConfirmDialog::setDryRun(std::function<void(DryRunReply)> runner)
{
    m_dryRunner = std::move(runner);
    m_dryRunButton->setVisible(bool(m_dryRunner));
}

bool ConfirmDialog::isConfirmEnabled() const
{
    return m_confirmButton->isEnabled();
}

QString ConfirmDialog::dryRunText() const
{
    return m_dryRunResult->text();
}

void ConfirmDialog::updateConfirmEnabled()
{
    // Exact match, case included: the point is to make the user read the name, not to be lenient.
    const bool unlocked = !m_target.isProtected
                          || (m_protectionEdit && m_protectionEdit->text() == m_target.context);
    m_confirmButton->setEnabled(unlocked);
}

void ConfirmDialog::runDryRun()
{
    if (!m_dryRunner)
        return;
    m_dryRunButton->setEnabled(false);
    m_dryRunResult->setStyleSheet({});
    m_dryRunResult->setText(tr("Asking the server\u2026"));
    const int generation = ++m_dryRunGeneration;
    // The reply may come after the dialog is gone (closed while the request was in flight).
    QPointer<ConfirmDialog> self(this);
    m_dryRunner([self, generation](bool ok, const QString &text) {
        if (self && generation == self->m_dryRunGeneration)
            self->showDryRunResult(ok, text);
    });
}

void ConfirmDialog::showDryRunResult(bool ok, const QString &text)
{
    m_dryRunButton->setEnabled(true);
    m_dryRunResult->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }")
            .arg(Theme::instance()->name(ok ? Theme::Role::Ok : Theme::Role::Danger)));
    m_dryRunResult->setText(ok ? tr("Server dry run accepted: %1").arg(text)
                               : tr("Server dry run refused: %1").arg(text));
}

} // namespace Orrery
