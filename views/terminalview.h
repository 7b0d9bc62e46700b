// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QPoint>
#include <QVector>

#include <deque>

struct VTerm;
struct VTermScreen;

namespace Orrery {

// A terminal emulator widget: libvterm (Debian's libvterm-dev) parses what the remote side
// writes into a screen of cells, which this paints with the theme's colours (default
// foreground and background from Theme::Text and Theme::Base, the 16 ANSI colours as libvterm
// defines them), a block cursor, and a bounded scrollback above it.
//
// It knows nothing about Kubernetes: the owner feeds output with feed() and sends what
// input() emits (keys, paste) to the process; sizeChanged() says the grid changed (the exec
// resize channel). Ctrl+Shift+C copies the selection (mouse drag), Ctrl+Shift+V and a middle
// click paste (bracketed when the program asked for it).
class TerminalView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int maxScrollbackLines = 5000;

    explicit TerminalView(QWidget *parent = nullptr);
    ~TerminalView() override;

    void feed(const QByteArray &bytes);
    // A read-only line under the screen's content ("[process exited 0]"): the terminal stops
    // taking input.
    void setEnded(const QString &message);
    bool isEnded() const { return m_ended; }
    void reset();

    int columns() const { return m_cols; }
    int rows() const { return m_rows; }
    QPoint cursorPosition() const { return m_cursor; } // x: column, y: row
    // The visible screen as text, one line per row, trailing blanks trimmed (tests, copy).
    QString screenText() const;
    int scrollbackLines() const { return int(m_scrollback.size()); }
    QString selectedText() const;

    QSize sizeHint() const override;

signals:
    void input(const QByteArray &bytes);
    void sizeChanged(int columns, int rows);

protected:
    bool event(QEvent *e) override;
    void paintEvent(QPaintEvent *) override;
    void resizeEvent(QResizeEvent *) override;
    void keyPressEvent(QKeyEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void focusInEvent(QFocusEvent *e) override;
    void focusOutEvent(QFocusEvent *e) override;

private:
    struct Cell
    {
        QString text;
        QColor fg; // invalid: default
        QColor bg;
        bool bold = false;
        bool underline = false;
        bool reverse = false;
    };
    using Line = QVector<Cell>;

    friend struct TerminalViewCallbacks;
    Cell cellAt(int row, int col) const;
    Cell convert(const void *vtermCell) const;
    Line lineAt(int absoluteLine) const; // scrollback lines first, then the screen
    int firstVisibleLine() const;
    QPoint cellFromPoint(const QPoint &p) const; // absolute line, column
    void updateGeometryFromFont();
    void paste(const QString &text);
    void copySelection();

    VTerm *m_vt = nullptr;
    VTermScreen *m_screen = nullptr;
    int m_rows = 24;
    int m_cols = 80;
    QPoint m_cursor;
    bool m_cursorVisible = true;
    std::deque<Line> m_scrollback;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    bool m_ended = false;
    QString m_endMessage;
    bool m_selecting = false;
    QPoint m_selStart{-1, -1}; // x: column, y: absolute line
    QPoint m_selEnd{-1, -1};
};

} // namespace Orrery
