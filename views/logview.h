// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <util/result.h>

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace Orrery {

// Shows a (possibly merged) log stream: follow, pause, search with highlighting, wrap, save.
// It knows nothing about HTTP: the owner feeds it text with appendLines() and listens to
// parametersChanged() (container, previous, tail, timestamps) to restart the stream. A stream
// that ends or fails is reported with streamEnded(), which shows the reason and a Reconnect
// button.
class LogView : public QWidget
{
    Q_OBJECT
public:
    struct Parameters
    {
        QString container;     // empty: all containers (merged) or the only one
        bool previous = false; // the previous (crashed) container instance
        int tailLines = 500;   // -1: everything
        bool timestamps = false;
    };

    explicit LogView(QWidget *parent = nullptr);

    void setContainers(const QStringList &containers);
    Parameters parameters() const;
    // Back to the defaults of a new stream (not previous, last 500 lines, no timestamps),
    // without restarting it: a "Previous" ticked for one pod must not follow the user to a
    // healthy pod or another context. The container choice is kept (replicas share it).
    void resetStreamOptions();
    // The "Pop out" button's state: checked while the view is shown in its own window.
    void setPoppedOut(bool poppedOut);

    // Lines without trailing newlines; `prefix` (a pod name for merged workload logs) is
    // prepended to each line.
    void appendLines(const QStringList &lines, const QString &prefix = {});
    void clear();

    void streamStarted(const QString &description);
    void streamEnded(const QString &reason, bool failed);

    bool isPaused() const;
    int lineCount() const;
    int matchCount() const { return m_matchCount; }
    QString plainText() const;
    // Writes the whole stream so far (shown lines and lines held while paused) to a file;
    // Save… asks for the name and calls this.
    Result<void> saveTo(const QString &fileName) const;

    // For the test of the "bounded memory" promise.
    static constexpr int MaximumLines = 50000;

signals:
    void parametersChanged();
    void reconnectRequested();
    // The "Pop out" button: true to show the view in its own window, false to dock it back.
    void popOutRequested(bool popOut);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class StatusTone { Normal, Ended, Failed };
    void applyStatusTone();
    void flushPending();
    void updateSearch();
    void saveToFile();
    void setPaused(bool paused);

    QComboBox *m_container;
    QCheckBox *m_previous;
    QComboBox *m_tail;
    QCheckBox *m_timestamps;
    QCheckBox *m_wrap;
    QToolButton *m_follow;
    QToolButton *m_pause;
    QLineEdit *m_search;
    QLabel *m_matches;
    QPlainTextEdit *m_text;
    QWidget *m_statusBar;
    QLabel *m_status;
    QPushButton *m_reconnect;
    QToolButton *m_popOut;
    QStringList m_pending; // lines received while paused
    int m_matchCount = 0;
    StatusTone m_statusTone = StatusTone::Normal;
};

} // namespace Orrery
