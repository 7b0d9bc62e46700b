// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <confirmationtarget.h>

#include <QDialog>
#include <QString>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Orrery {

// The one confirmation every write goes through (docs/operations.md, "Protections"): names the
// context, cluster, namespace and object, shows the exact change, framed in the context's
// colour. Cancel is the default button, so a stray Enter never writes. On a protected context
// the confirm button stays disabled until the context name is typed exactly. A connection
// without TLS verification gets a warning banner.
// Non-blocking: callers use open() and the accepted() signal, never exec().
class ConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    ConfirmDialog(const ConfirmationTarget &target, const QString &title,
                  const QString &actionLabel, QWidget *parent = nullptr);

    // `summary`: one or more translated lines (Operation::preview()). `details`: request body or
    // unified diff, shown monospace with added/removed lines coloured.
    void setChange(const QString &summary, const QString &details = {});

    // The runner sends the same writes with dryRun=All and calls the reply once with the
    // outcome. Adds a "Preview on server" button; without a runner there is none.
    using DryRunReply = std::function<void(bool ok, const QString &text)>;
    void setDryRun(std::function<void(DryRunReply)> runner);

    bool isConfirmEnabled() const;
    const ConfirmationTarget &target() const { return m_target; }

    // For tests.
    QLineEdit *protectionEdit() const { return m_protectionEdit; }
    QPushButton *confirmButton() const { return m_confirmButton; }
    QPushButton *dryRunButton() const { return m_dryRunButton; }
    QString dryRunText() const;

private:
    void updateConfirmEnabled();
    void runDryRun();
    void showDryRunResult(bool ok, const QString &text);

    ConfirmationTarget m_target;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLineEdit *m_protectionEdit = nullptr;
    QPushButton *m_confirmButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_dryRunButton = nullptr;
    QLabel *m_dryRunResult = nullptr;
    std::function<void(DryRunReply)> m_dryRunner;
    int m_dryRunGeneration = 0;
};

} // namespace Orrery
