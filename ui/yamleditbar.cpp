// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamleditbar.h"

#include <theme.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

YamlEditBar::YamlEditBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_edit(new QPushButton(tr("Edit"), this))
    , m_apply(new QPushButton(tr("Review and Apply\u2026"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_reload(new QPushButton(tr("Reload"), this))
    , m_differences(new QPushButton(tr("Show Differences"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("yamlEditBar"));
    m_edit->setObjectName(QStringLiteral("yamlEdit"));
    m_edit->setToolTip(tr("Edit this object's YAML in place (E)"));
    m_apply->setObjectName(QStringLiteral("yamlApply"));
    m_apply->setToolTip(tr("Ask the server what would change (dry run), then confirm"));
    m_cancel->setObjectName(QStringLiteral("yamlCancel"));
    m_reload->setObjectName(QStringLiteral("yamlReload"));
    m_reload->setToolTip(tr("Read the latest version of the object and edit that (your changes "
                            "are dropped)"));
    m_differences->setObjectName(QStringLiteral("yamlDifferences"));
    m_differences->setToolTip(tr("What changed on the server since you started editing"));
    m_message->setObjectName(QStringLiteral("yamlEditMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    auto *row = new QHBoxLayout;
    row->addWidget(m_edit);
    row->addWidget(m_apply);
    row->addWidget(m_cancel);
    row->addStretch(1);
    row->addWidget(m_reload);
    row->addWidget(m_differences);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_edit, &QPushButton::clicked, this, &YamlEditBar::beginEdit);
    connect(m_apply, &QPushButton::clicked, this, &YamlEditBar::submit);
    connect(m_cancel, &QPushButton::clicked, this, &YamlEditBar::cancelEdit);
    connect(m_reload, &QPushButton::clicked, this, &YamlEditBar::reload);
    connect(m_differences, &QPushButton::clicked, this, &YamlEditBar::showDifferences);
    updateButtons();
}

void YamlEditBar::setHooks(ObjectEditHooks hooks)
{
    m_hooks = std::move(hooks);
    updateButtons();
}

bool YamlEditBar::canEdit() const
{
    return m_hooks.isValid() && m_object && m_object->kind != Kind::Secret
           && m_object->kind != Kind::Event;
}

void YamlEditBar::setObject(const KubeObjectPtr &object)
{
    const bool same = object && m_object && object->uid == m_object->uid;
    m_object = object;
    if (!same) {
        ++m_generation;
        m_busy = false;
        m_conflict = false;
        m_message->hide();
        setEditing(false);
    }
    updateButtons();
}

QString YamlEditBar::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void YamlEditBar::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(
        error ? QStringLiteral("color:%1;").arg(themeColor(Theme::Role::Danger).name())
              : QString());
    m_message->setVisible(!text.isEmpty());
}

void YamlEditBar::setEditing(bool editing)
{
    m_editing = editing;
    m_editor->setReadOnly(!editing);
    updateButtons();
}

void YamlEditBar::updateButtons()
{
    const bool can = canEdit();
    setVisible(m_hooks.isValid() && m_object);
    m_edit->setVisible(!m_editing);
    m_edit->setEnabled(can && !m_busy);
    if (m_object && m_object->kind == Kind::Secret)
        m_edit->setToolTip(tr("Secrets are not edited here: Orrery never reads their values"));
    m_apply->setVisible(m_editing);
    m_apply->setEnabled(m_editing && !m_busy);
    m_cancel->setVisible(m_editing);
    m_reload->setVisible(m_editing && m_conflict);
    m_differences->setVisible(m_editing && m_conflict);
    m_reload->setEnabled(!m_busy);
    m_differences->setEnabled(!m_busy);
}

void YamlEditBar::beginEdit()
{
    if (!canEdit() || m_busy)
        return;
    const int generation = ++m_generation;
    m_busy = true;
    m_conflict = false;
    showMessage(tr("Reading %1 for editing\u2026").arg(m_object->name), false);
    updateButtons();
    m_hooks.begin(m_object, this, [this, generation](const Result<QString> &text) {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (!text.ok()) {
            showMessage(tr("Cannot edit: %1").arg(text.error().message), true);
            updateButtons();
            return;
        }
        m_editor->setPlainText(text.value());
        showMessage(tr("Editing. managedFields and status are left out: the server writes "
                       "them. Review and Apply shows the server's diff before anything is "
                       "changed."),
                    false);
        setEditing(true);
        m_editor->setFocus();
    });
}

void YamlEditBar::cancelEdit()
{
    ++m_generation;
    m_busy = false;
    m_conflict = false;
    showMessage({}, false);
    setEditing(false);
    emit editFinished(false);
}

void YamlEditBar::submit()
{
    if (!m_editing || m_busy || !m_object)
        return;
    const int generation = m_generation;
    m_busy = true;
    showMessage(tr("Checking the edit with the server (dry run)\u2026"), false);
    updateButtons();
    m_hooks.submit(m_object, m_editor->toPlainText(), this,
                   [this, generation](const ObjectEditHooks::Outcome &outcome) {
                       if (generation != m_generation)
                           return;
                       m_busy = false;
                       using State = ObjectEditHooks::Outcome::State;
                       switch (outcome.state) {
                       case State::Confirming:
                           m_busy = true; // until the confirmation is answered
                           showMessage(outcome.text, false);
                           updateButtons();
                           return;
                       case State::Applied:
                           m_conflict = false;
                           setEditing(false);
                           showMessage(outcome.text, false);
                           emit editFinished(true);
                           return;
                       case State::Cancelled: showMessage(outcome.text, false); break;
                       case State::Refused: showMessage(outcome.text, true); break;
                       case State::Conflict:
                           m_conflict = true;
                           showMessage(outcome.text, true);
                           break;
                       }
                       updateButtons();
                   });
}

void YamlEditBar::reload()
{
    if (!m_object)
        return;
    m_editing = false;
    beginEdit();
}

void YamlEditBar::showDifferences()
{
    if (!m_object || m_busy)
        return;
    const int generation = m_generation;
    m_hooks.differences(m_object, this, [this, generation](const Result<QString> &diff) {
        if (generation != m_generation)
            return;
        m_differencesText = diff.ok() ? diff.value() : diff.error().message;
        auto *box = new QMessageBox(QMessageBox::Information, tr("Changed on the server"),
                                    tr("What changed on the server since you started editing "
                                       "%1:")
                                        .arg(m_object->name),
                                    QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("yamlDifferencesBox"));
        box->setDetailedText(m_differencesText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace Orrery
