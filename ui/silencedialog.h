// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <monitoring/alert.h>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QTableWidget;

namespace Orrery {

// "Silence alert": the matchers Alertmanager's own UI would propose for the alert (one
// equality matcher per label, Silence::forAlert), each of which can be left out or edited,
// a duration and a comment (Alertmanager refuses a silence without one). silence() is what
// the window's confirmation then shows and the operation posts.
class SilenceDialog : public QDialog
{
    Q_OBJECT
public:
    SilenceDialog(const Alert &alert, const QString &createdBy, QWidget *parent = nullptr);
    ~SilenceDialog() override;

    // The silence as entered, starting at `now`.
    Silence silence(const QDateTime &now) const;
    qint64 durationSeconds() const;

    QTableWidget *matcherTable() const { return m_matchers; }
    QComboBox *durationBox() const { return m_duration; }
    QLineEdit *commentEdit() const { return m_comment; }
    QLineEdit *createdByEdit() const { return m_createdBy; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();

    Alert m_alert;
    QTableWidget *m_matchers;
    QComboBox *m_duration;
    QLineEdit *m_comment;
    QLineEdit *m_createdBy;
    QDialogButtonBox *m_buttons;
};

} // namespace Orrery
