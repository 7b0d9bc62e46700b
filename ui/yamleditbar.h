// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectedit.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Orrery {

// The row above the details pane's YAML: "Edit" makes the text editable (the object read
// again, without managedFields and status), "Review and Apply…" sends it through the hooks
// (permission, server dry-run diff, confirmation, audited update), "Cancel" goes back to the
// read-only YAML. What went wrong stays in the row: invalid values with their field paths,
// and a conflict (someone else changed the object) with "Reload" and "Show Differences".
class YamlEditBar : public QWidget
{
    Q_OBJECT
public:
    YamlEditBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    void setHooks(ObjectEditHooks hooks);
    bool canEdit() const;
    // The object shown; another object ends the edit (its text is dropped).
    void setObject(const KubeObjectPtr &object);

    bool isEditing() const { return m_editing; }
    // Starts editing the shown object (the "Edit" button, the E key).
    void beginEdit();
    void cancelEdit();
    void submit();
    void reload();
    void showDifferences();

    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *differencesButton() const { return m_differences; }
    QString messageText() const;
    // The last differences shown (after a conflict).
    QString differencesText() const { return m_differencesText; }

signals:
    // The edit ended (applied, or cancelled): the pane reloads its read-only YAML.
    void editFinished(bool applied);

private:
    void setEditing(bool editing);
    void showMessage(const QString &text, bool error);
    void updateButtons();

    QPlainTextEdit *m_editor;
    ObjectEditHooks m_hooks;
    KubeObjectPtr m_object;
    QPushButton *m_edit;
    QPushButton *m_apply;
    QPushButton *m_cancel;
    QPushButton *m_reload;
    QPushButton *m_differences;
    QLabel *m_message;
    QString m_differencesText;
    bool m_editing = false;
    bool m_busy = false;
    bool m_conflict = false;
    int m_generation = 0; // bumped by every new edit, so late answers are dropped
};

} // namespace Orrery
