// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Orrery {

// First run, or no usable kubeconfig: say so plainly and offer the ways forward.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Why there is nothing to show ("No kubeconfig found at ~/.kube/config", parse errors…).
    void setProblem(const QString &text);
    QString problem() const;

    QPushButton *fileButton() const { return m_file; }

signals:
    void demoRequested();
    void kubeconfigChosen(const QString &file);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QLabel *m_intro = nullptr;
    QLabel *m_problem;
    QPushButton *m_demo = nullptr;
    QPushButton *m_file = nullptr;
    QPushButton *m_cloud = nullptr;
};

} // namespace Orrery
