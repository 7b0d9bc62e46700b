// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <operations/applyoperation.h>

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Orrery {

// What the user wants applied, and what the server said it would do: the first step of
// "Apply manifests…" (docs/operations.md). Holds no cluster logic: it collects files and
// pasted YAML, asks for a check (previewRequested), shows the objects with their dry-run
// diffs or why they cannot be applied, and asks for the apply (applyRequested), which the
// ActionController confirms with the ConfirmDialog. Any edit invalidates the last check, so
// the Apply button only ever applies what was previewed.
class ApplyDialog : public QDialog
{
    Q_OBJECT
public:
    using ObjectPreview = ApplyOperation::ObjectPreview;

    explicit ApplyDialog(QWidget *parent = nullptr);

    void addFiles(const QStringList &paths);
    QStringList files() const { return m_files; }
    void setYaml(const QString &text);
    QString yamlText() const;

    // Controller feedback. `generation()` is bumped on every edit; a late answer for an older
    // generation is ignored by the controller.
    int generation() const { return m_generation; }
    void setBusy(const QString &text);
    void showError(const QString &text);
    void setPreview(const QList<ObjectPreview> &objects, const QString &summary);

    QString errorText() const;
    QString summaryText() const;
    int objectCount() const;
    ObjectPreview object(int index) const { return m_objects.value(index); }
    QString diffText() const; // what the diff view shows now

    QPlainTextEdit *yamlEdit() const { return m_yaml; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *applyButton() const { return m_apply; }
    // "Force (take ownership)…": shown when the dry run found conflicts.
    QPushButton *forceButton() const { return m_force; }
    // What the conflicts are and what Apply / Force would do (hidden without conflicts).
    QString conflictText() const;

signals:
    void previewRequested();
    void applyRequested();
    // Apply every object with force=true, taking over the conflicting fields.
    void forceRequested();

private:
    void invalidate();
    void chooseFiles();
    void showSelected();
    void updateColours();
    bool event(QEvent *event) override;

    QPlainTextEdit *m_yaml;
    QListWidget *m_fileList;
    QLabel *m_message;
    QLabel *m_summary;
    QLabel *m_conflict;
    QTreeWidget *m_list;
    QPlainTextEdit *m_diff;
    QPushButton *m_preview;
    QPushButton *m_apply;
    QPushButton *m_force;
    QStringList m_files;
    QList<ObjectPreview> m_objects;
    int m_generation = 0;
};

} // namespace Orrery
