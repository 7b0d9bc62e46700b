// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelineclient.h>

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Orrery {

// The parameters of a new run, as the provider takes them: GitHub a workflow, a ref and
// workflow_dispatch inputs; GitLab a ref and variables; Jenkins build parameters (no ref:
// a branch is a parameter there). One KEY=VALUE per line. Opened with open(); accepted()
// then trigger() holds what was typed.
class PipelineTriggerDialog : public QDialog
{
    Q_OBJECT
public:
    PipelineTriggerDialog(PipelineProvider provider, const QString &source,
                          const PipelineTrigger &initial, QWidget *parent = nullptr);

    PipelineTrigger trigger() const;
    // KEY=VALUE lines to a map; lines without '=' and empty keys are ignored.
    static QMap<QString, QString> parseInputs(const QString &text);

    QLineEdit *workflowEdit() const { return m_workflow; }
    QLineEdit *refEdit() const { return m_ref; }
    QPlainTextEdit *inputsEdit() const { return m_inputs; }

private:
    PipelineProvider m_provider;
    QLineEdit *m_workflow = nullptr;
    QLineEdit *m_ref = nullptr;
    QPlainTextEdit *m_inputs = nullptr;
};

} // namespace Orrery
