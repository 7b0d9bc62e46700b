// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <operations/streamoperations.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Orrery {

// `kubectl port-forward pod/POD LOCAL:REMOTE`, asked: the pod's port (its declared container
// ports offered by name, any other number may be typed) and the local port on 127.0.0.1
// (0: any free port; by default the same number when it is not a privileged one).
class PortForwardDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PortForwardDialog(const PortForwardOperation &op, QWidget *parent = nullptr);

    int remotePort() const;
    int localPort() const;

    QComboBox *remoteCombo() const { return m_remote; }
    QSpinBox *localSpin() const { return m_local; }
    QPushButton *forwardButton() const { return m_forward; }

private:
    void remoteChanged();

    QComboBox *m_remote = nullptr;
    QSpinBox *m_local = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_forward = nullptr;
    QString m_pod;
    bool m_localEdited = false;
};

} // namespace Orrery
