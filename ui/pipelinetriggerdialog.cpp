// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinetriggerdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

PipelineTriggerDialog::PipelineTriggerDialog(PipelineProvider provider, const QString &source,
                                             const PipelineTrigger &initial, QWidget *parent)
    : QDialog(parent)
    , m_provider(provider)
{
    setObjectName(QStringLiteral("PipelineTriggerDialog"));
    auto *form = new QFormLayout;
    QString title;
    QString inputsLabel;
    switch (provider) {
    case PipelineProvider::GitHub:
        title = tr("Run a workflow of %1").arg(source);
        inputsLabel = tr("Inputs:");
        break;
    case PipelineProvider::GitLab:
        title = tr("Run a pipeline of %1").arg(source);
        inputsLabel = tr("Variables:");
        break;
    case PipelineProvider::Jenkins:
        title = tr("Build %1").arg(source);
        inputsLabel = tr("Parameters:");
        break;
    }
    setWindowTitle(title);
    if (provider == PipelineProvider::GitHub) {
        m_workflow = new QLineEdit(initial.workflow);
        m_workflow->setPlaceholderText(tr("the workflow's file (deploy.yml) or name"));
        form->addRow(tr("Workflow:"), m_workflow);
    }
    if (provider != PipelineProvider::Jenkins) {
        m_ref = new QLineEdit(initial.ref);
        m_ref->setPlaceholderText(tr("branch or tag (empty: the default branch)"));
        form->addRow(tr("Branch or tag:"), m_ref);
    }
    m_inputs = new QPlainTextEdit;
    QStringList lines;
    for (auto it = initial.inputs.cbegin(); it != initial.inputs.cend(); ++it)
        lines << it.key() + QLatin1Char('=') + it.value();
    m_inputs->setPlainText(lines.join(QLatin1Char('\n')));
    m_inputs->setPlaceholderText(provider == PipelineProvider::Jenkins
                                     ? tr("NAME=value, one per line (empty: the job's defaults)")
                                     : tr("NAME=value, one per line"));
    m_inputs->setTabChangesFocus(true);
    m_inputs->setMinimumHeight(90);
    form->addRow(inputsLabel, m_inputs);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(provider == PipelineProvider::Jenkins ? tr("Build…") : tr("Run…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Nothing is sent yet: the next step shows the request and asks "
                               "for confirmation."));
    hint->setWordWrap(true);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

PipelineTrigger PipelineTriggerDialog::trigger() const
{
    PipelineTrigger t;
    if (m_workflow)
        t.workflow = m_workflow->text().trimmed();
    if (m_ref)
        t.ref = m_ref->text().trimmed();
    t.inputs = parseInputs(m_inputs->toPlainText());
    return t;
}

QMap<QString, QString> PipelineTriggerDialog::parseInputs(const QString &text)
{
    QMap<QString, QString> out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        if (!key.isEmpty())
            out.insert(key, line.mid(eq + 1).trimmed());
    }
    return out;
}

} // namespace Orrery
