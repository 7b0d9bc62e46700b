// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalview.h"

#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <vterm.h>

namespace Orrery {

struct TerminalViewCallbacks
{
    static int damage(VTermRect, void *user)
    {
        static_cast<TerminalView *>(user)->viewport()->update();
        return 1;
    }
    static int moveCursor(VTermPos pos, VTermPos, int visible, void *user)
    {
        auto *view = static_cast<TerminalView *>(user);
        view->m_cursor = QPoint(pos.col, pos.row);
        view->m_cursorVisible = visible;
        view->viewport()->update();
        return 1;
    }
    static int setTermProp(VTermProp prop, VTermValue *value, void *user)
    {
        auto *view = static_cast<TerminalView *>(user);
        if (prop == VTERM_PROP_CURSORVISIBLE)
            view->m_cursorVisible = value->boolean;
        return 1;
    }
    static int pushLine(int cols, const VTermScreenCell *cells, void *user)
    {
        auto *view = static_cast<TerminalView *>(user);
        TerminalView::Line line;
        line.reserve(cols);
        for (int c = 0; c < cols; ++c)
            line.append(view->convert(&cells[c]));
        view->m_scrollback.push_back(std::move(line));
        if (view->m_scrollback.size() > std::size_t(TerminalView::maxScrollbackLines))
            view->m_scrollback.pop_front();
        QScrollBar *bar = view->verticalScrollBar();
        const bool atBottom = bar->value() == bar->maximum();
        bar->setRange(0, int(view->m_scrollback.size()));
        if (atBottom)
            bar->setValue(bar->maximum());
        return 1;
    }
    static void output(const char *bytes, size_t len, void *user)
    {
        auto *view = static_cast<TerminalView *>(user);
        if (!view->m_ended)
            emit view->input(QByteArray(bytes, qsizetype(len)));
    }
};

namespace {

const VTermScreenCallbacks s_callbacks = {
    TerminalViewCallbacks::damage,      nullptr, TerminalViewCallbacks::moveCursor,
    TerminalViewCallbacks::setTermProp, nullptr, nullptr,
    TerminalViewCallbacks::pushLine,    nullptr,
};

} // namespace

TerminalView::TerminalView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setCursor(Qt::IBeamCursor);
    m_vt = vterm_new(m_rows, m_cols);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, TerminalViewCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vt);
    vterm_screen_set_callbacks(m_screen, &s_callbacks, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // after m_vt: FontChange resizes
    updateGeometryFromFont();
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(),
            qOverload<>(&QWidget::update));
    connect(Theme::instance(), &Theme::changed, viewport(), qOverload<>(&QWidget::update));
}

TerminalView::~TerminalView()
{
    vterm_free(m_vt);
}

void TerminalView::feed(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    vterm_input_write(m_vt, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    viewport()->update();
}

void TerminalView::setEnded(const QString &message)
{
    m_ended = true;
    m_endMessage = message;
    viewport()->update();
}

void TerminalView::reset()
{
    m_ended = false;
    m_endMessage.clear();
    m_scrollback.clear();
    m_selStart = m_selEnd = QPoint(-1, -1);
    vterm_screen_reset(m_screen, 1);
    verticalScrollBar()->setRange(0, 0);
    viewport()->update();
}

QSize TerminalView::sizeHint() const
{
    return QSize(80 * m_cellWidth + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(),
                 24 * m_cellHeight + 2 * frameWidth());
}

TerminalView::Cell TerminalView::convert(const void *vtermCell) const
{
    const auto *c = static_cast<const VTermScreenCell *>(vtermCell);
    Cell cell;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c->chars[i]; ++i)
        cell.text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c->chars[i]), 1);
    auto color = [this](VTermColor col, bool background) {
        if (background ? VTERM_COLOR_IS_DEFAULT_BG(&col) : VTERM_COLOR_IS_DEFAULT_FG(&col))
            return QColor();
        vterm_screen_convert_color_to_rgb(m_screen, &col);
        return QColor(col.rgb.red, col.rgb.green, col.rgb.blue);
    };
    cell.fg = color(c->fg, false);
    cell.bg = color(c->bg, true);
    cell.bold = c->attrs.bold;
    cell.underline = c->attrs.underline != 0;
    cell.reverse = c->attrs.reverse;
    return cell;
}

TerminalView::Cell TerminalView::cellAt(int row, int col) const
{
    VTermScreenCell c;
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, col}, &c))
        return {};
    return convert(&c);
}

TerminalView::Line TerminalView::lineAt(int absoluteLine) const
{
    const int back = int(m_scrollback.size());
    if (absoluteLine < 0)
        return {};
    if (absoluteLine < back)
        return m_scrollback[std::size_t(absoluteLine)];
    const int row = absoluteLine - back;
    Line line;
    if (row >= m_rows)
        return line;
    line.reserve(m_cols);
    for (int c = 0; c < m_cols; ++c)
        line.append(cellAt(row, c));
    return line;
}

int TerminalView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

QString TerminalView::screenText() const
{
    QStringList lines;
    const int back = int(m_scrollback.size());
    for (int r = 0; r < m_rows; ++r) {
        QString text;
        for (const Cell &c : lineAt(back + r))
            text += c.text.isEmpty() ? QStringLiteral(" ") : c.text;
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        lines << text;
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

void TerminalView::updateGeometryFromFont()
{
    const QFontMetrics fm(font());
    m_cellWidth = qMax(1, fm.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = qMax(1, fm.height());
    m_ascent = fm.ascent();
}

bool TerminalView::event(QEvent *e)
{
    if (e->type() == QEvent::FontChange && m_vt) {
        updateGeometryFromFont();
        resizeEvent(nullptr);
    }
    // Tab and Backtab belong to the shell, not to focus navigation.
    if (e->type() == QEvent::KeyPress) {
        auto *k = static_cast<QKeyEvent *>(e);
        if (k->key() == Qt::Key_Tab || k->key() == Qt::Key_Backtab) {
            keyPressEvent(k);
            return true;
        }
    }
    if (e->type() == QEvent::ShortcutOverride) {
        // Ctrl+letters are the shell's (Ctrl+C, Ctrl+D, Ctrl+R…), not the window's.
        auto *k = static_cast<QKeyEvent *>(e);
        const auto mods = k->modifiers() & ~Qt::KeypadModifier;
        if (mods == Qt::ControlModifier && k->key() >= Qt::Key_A && k->key() <= Qt::Key_Z) {
            e->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(e);
}

void TerminalView::resizeEvent(QResizeEvent *)
{
    const int cols = qMax(2, viewport()->width() / m_cellWidth);
    const int rows = qMax(2, viewport()->height() / m_cellHeight);
    if (cols == m_cols && rows == m_rows)
        return;
    m_cols = cols;
    m_rows = rows;
    vterm_set_size(m_vt, rows, cols);
    vterm_screen_flush_damage(m_screen);
    verticalScrollBar()->setPageStep(rows);
    emit sizeChanged(cols, rows);
    viewport()->update();
}

void TerminalView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QColor defaultFg = themeColor(Theme::Role::Text);
    const QColor defaultBg = themeColor(Theme::Role::Base);
    p.fillRect(viewport()->rect(), defaultBg);
    QFont regular = font();
    QFont bold = font();
    bold.setBold(true);
    const int first = firstVisibleLine();
    const int back = int(m_scrollback.size());
    const QPoint selA = std::min(m_selStart, m_selEnd, [](const QPoint &a, const QPoint &b) {
        return a.y() < b.y() || (a.y() == b.y() && a.x() < b.x());
    });
    const QPoint selB = (selA == m_selStart) ? m_selEnd : m_selStart;
    auto selected = [&](int line, int col) {
        if (m_selStart.y() < 0 || m_selStart == m_selEnd)
            return false;
        const auto key = [](int l, int c) { return qint64(l) * 100000 + c; };
        return key(line, col) >= key(selA.y(), selA.x())
               && key(line, col) < key(selB.y(), selB.x());
    };
    for (int r = 0; r < m_rows; ++r) {
        const int absolute = first + r;
        const Line line = lineAt(absolute);
        const int y = r * m_cellHeight;
        for (int c = 0; c < line.size(); ++c) {
            const Cell &cell = line[c];
            QColor fg = cell.fg.isValid() ? cell.fg : defaultFg;
            QColor bg = cell.bg.isValid() ? cell.bg : defaultBg;
            if (cell.reverse)
                std::swap(fg, bg);
            if (selected(absolute, c)) {
                bg = themeColor(Theme::Role::Selection);
                fg = themeColor(Theme::Role::SelectionText);
            }
            const bool cursorHere = hasFocus() && !m_ended && m_cursorVisible
                                    && absolute == back + m_cursor.y() && c == m_cursor.x();
            if (cursorHere) {
                bg = themeColor(Theme::Role::Accent);
                fg = defaultBg;
            }
            const QRect rect(c * m_cellWidth, y, m_cellWidth, m_cellHeight);
            if (bg != defaultBg)
                p.fillRect(rect, bg);
            if (!cell.text.isEmpty() && cell.text != QLatin1String(" ")) {
                p.setFont(cell.bold ? bold : regular);
                p.setPen(fg);
                p.drawText(rect.x(), y + m_ascent, cell.text);
            }
            if (cell.underline)
                p.fillRect(rect.x(), y + m_cellHeight - 1, m_cellWidth, 1, fg);
        }
        // Unfocused: the cursor is an outline.
        if (!hasFocus() && !m_ended && m_cursorVisible && absolute == back + m_cursor.y()) {
            p.setPen(themeColor(Theme::Role::Accent));
            p.drawRect(m_cursor.x() * m_cellWidth, y, m_cellWidth - 1, m_cellHeight - 1);
        }
    }
    if (m_ended && !m_endMessage.isEmpty()) {
        const QRect band(0, viewport()->height() - m_cellHeight - 6, viewport()->width(),
                         m_cellHeight + 6);
        p.fillRect(band, themeColor(Theme::Role::NeutralFill));
        p.setFont(regular);
        p.setPen(themeColor(Theme::Role::MutedText));
        p.drawText(band.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, m_endMessage);
    }
}

void TerminalView::keyPressEvent(QKeyEvent *e)
{
    const Qt::KeyboardModifiers mods = e->modifiers() & ~Qt::KeypadModifier;
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (e->key() == Qt::Key_C) {
            copySelection();
            return;
        }
        if (e->key() == Qt::Key_V) {
            paste(QApplication::clipboard()->text());
            return;
        }
    }
    if (m_ended) {
        QAbstractScrollArea::keyPressEvent(e);
        return;
    }
    if (mods == Qt::ShiftModifier && (e->key() == Qt::Key_PageUp || e->key() == Qt::Key_PageDown)) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + (e->key() == Qt::Key_PageUp ? -m_rows : m_rows));
        return;
    }
    int vmod = VTERM_MOD_NONE;
    if (mods & Qt::ShiftModifier)
        vmod |= VTERM_MOD_SHIFT;
    if (mods & Qt::AltModifier)
        vmod |= VTERM_MOD_ALT;
    if (mods & Qt::ControlModifier)
        vmod |= VTERM_MOD_CTRL;
    const auto m = VTermModifier(vmod);
    VTermKey key = VTERM_KEY_NONE;
    switch (e->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter: key = VTERM_KEY_ENTER; break;
    case Qt::Key_Tab:
    case Qt::Key_Backtab: key = VTERM_KEY_TAB; break;
    case Qt::Key_Backspace: key = VTERM_KEY_BACKSPACE; break;
    case Qt::Key_Escape: key = VTERM_KEY_ESCAPE; break;
    case Qt::Key_Up: key = VTERM_KEY_UP; break;
    case Qt::Key_Down: key = VTERM_KEY_DOWN; break;
    case Qt::Key_Left: key = VTERM_KEY_LEFT; break;
    case Qt::Key_Right: key = VTERM_KEY_RIGHT; break;
    case Qt::Key_Insert: key = VTERM_KEY_INS; break;
    case Qt::Key_Delete: key = VTERM_KEY_DEL; break;
    case Qt::Key_Home: key = VTERM_KEY_HOME; break;
    case Qt::Key_End: key = VTERM_KEY_END; break;
    case Qt::Key_PageUp: key = VTERM_KEY_PAGEUP; break;
    case Qt::Key_PageDown: key = VTERM_KEY_PAGEDOWN; break;
    default:
        if (e->key() >= Qt::Key_F1 && e->key() <= Qt::Key_F12)
            key = VTermKey(VTERM_KEY_FUNCTION(e->key() - Qt::Key_F1 + 1));
        break;
    }
    // Typing scrolls back to the live screen.
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    if (key != VTERM_KEY_NONE) {
        vterm_keyboard_key(m_vt, key, m);
        return;
    }
    if ((mods & Qt::ControlModifier) && e->key() >= Qt::Key_A && e->key() <= Qt::Key_Z) {
        vterm_keyboard_unichar(m_vt, uint32_t('a' + (e->key() - Qt::Key_A)), m);
        return;
    }
    const QString text = e->text();
    if (text.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(e);
        return;
    }
    // Shift is already in the text ("A"); only Alt and Ctrl travel as modifiers.
    const auto textMod = VTermModifier(vmod & ~VTERM_MOD_SHIFT);
    for (const char32_t ch : text.toUcs4())
        vterm_keyboard_unichar(m_vt, uint32_t(ch), textMod);
}

void TerminalView::paste(const QString &text)
{
    if (m_ended || text.isEmpty())
        return;
    vterm_keyboard_start_paste(m_vt);
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\r"));
    normalised.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    emit input(normalised.toUtf8());
    vterm_keyboard_end_paste(m_vt);
}

QPoint TerminalView::cellFromPoint(const QPoint &p) const
{
    const int col = std::clamp(p.x() / m_cellWidth, 0, m_cols);
    const int row = std::clamp(p.y() / m_cellHeight, 0, m_rows - 1);
    return QPoint(col, firstVisibleLine() + row);
}

QString TerminalView::selectedText() const
{
    if (m_selStart.y() < 0 || m_selStart == m_selEnd)
        return {};
    QPoint a = m_selStart, b = m_selEnd;
    if (b.y() < a.y() || (b.y() == a.y() && b.x() < a.x()))
        std::swap(a, b);
    QStringList lines;
    for (int l = a.y(); l <= b.y(); ++l) {
        const Line line = lineAt(l);
        const int from = l == a.y() ? a.x() : 0;
        const int to = l == b.y() ? b.x() : int(line.size());
        QString text;
        for (int c = from; c < to && c < line.size(); ++c)
            text += line[c].text.isEmpty() ? QStringLiteral(" ") : line[c].text;
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        lines << text;
    }
    return lines.join(QLatin1Char('\n'));
}

void TerminalView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TerminalView::mousePressEvent(QMouseEvent *e)
{
    setFocus(Qt::MouseFocusReason);
    if (e->button() == Qt::LeftButton) {
        m_selecting = true;
        m_selStart = m_selEnd = cellFromPoint(e->position().toPoint());
        viewport()->update();
    } else if (e->button() == Qt::MiddleButton) {
        paste(QApplication::clipboard()->text(QClipboard::Selection));
    }
}

void TerminalView::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_selecting)
        return;
    m_selEnd = cellFromPoint(e->position().toPoint());
    viewport()->update();
}

void TerminalView::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !m_selecting)
        return;
    m_selecting = false;
    m_selEnd = cellFromPoint(e->position().toPoint());
    const QString text = selectedText();
    if (!text.isEmpty() && QApplication::clipboard()->supportsSelection())
        QApplication::clipboard()->setText(text, QClipboard::Selection);
    viewport()->update();
}

void TerminalView::focusInEvent(QFocusEvent *e)
{
    QAbstractScrollArea::focusInEvent(e);
    viewport()->update();
}

void TerminalView::focusOutEvent(QFocusEvent *e)
{
    QAbstractScrollArea::focusOutEvent(e);
    viewport()->update();
}

} // namespace Orrery
