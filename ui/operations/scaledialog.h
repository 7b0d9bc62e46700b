// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <operations/workloadoperations.h>

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;

namespace Orrery {

// Asks for the new replica count, or, when an HPA controls the workload, for the HPA's
// min/max instead: a manual scale would be undone by the autoscaler within a sync period.
class ScaleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ScaleDialog(const ScaleOperation &op, QWidget *parent = nullptr);

    bool editsHpa() const { return m_hpa.has_value(); }
    int replicas() const;
    int minReplicas() const;
    int maxReplicas() const;

    // Permission first for the HPA's bounds (patch horizontalpodautoscalers): nullopt while the
    // server is asked (Review disabled), empty when allowed, else the reason shown and Review
    // stays disabled.
    void setHpaPermission(const std::optional<QString> &denial);
    QLabel *permissionNote() const { return m_permission; }
    QPushButton *reviewButton() const { return m_review; }

    QSpinBox *replicasSpin() const { return m_replicas; }
    QSpinBox *maxSpin() const { return m_max; }

private:
    std::optional<HpaTarget> m_hpa;
    QSpinBox *m_replicas = nullptr;
    QSpinBox *m_min = nullptr;
    QSpinBox *m_max = nullptr;
    QLabel *m_permission = nullptr;
    QPushButton *m_review = nullptr;
    bool m_allowed = true;
    void validate();
};

} // namespace Orrery
