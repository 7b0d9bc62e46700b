// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cloud/cloudaccount.h>

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeView;

namespace Orrery {

class CloudTreeModel;

// The Clouds page of the sidebar (docs/clouds.md, "In the window"): the accounts, their
// groups and what they hold (CloudTreeModel), with Connect (one click, in memory),
// Add to kubeconfig… and Refresh. Presentation only: it asks, app/ does (cloudswiring.cpp).
class CloudsPage : public QWidget
{
    Q_OBJECT
public:
    explicit CloudsPage(CloudTreeModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // A line under the tree: what happened last ("Connected to …", an error's words).
    void setMessage(const QString &text, bool error = false);
    // Selects the resource's row (tests, screenshots).
    bool selectResource(const QString &ref);

    // What `--add-to-kubeconfig` and the button show before writing: the summary, the
    // warnings and the diff of the file. True when the user confirms.
    static bool confirmAddToKubeconfig(QWidget *parent, const QString &title,
                                       const QStringList &summary, const QStringList &warnings,
                                       const QString &diff);

signals:
    void connectRequested(const Orrery::CloudResource &cluster);
    void addToKubeconfigRequested(const Orrery::CloudResource &cluster);
    void refreshRequested();

private:
    void updateButtons();
    std::optional<CloudResource> selectedCluster() const;

    CloudTreeModel *m_model;
    QTreeView *m_view;
    QPushButton *m_connect;
    QPushButton *m_add;
    QPushButton *m_refresh;
    QLabel *m_message;
};

} // namespace Orrery
