// SPDX-License-Identifier: GPL-3.0-or-later
#include "labels.h"

#include <algorithm>

namespace Orrery::Labels {

namespace {

// The lexer and the recursive descent of apimachinery's labels.Parse (pkg/labels/selector.go),
// so that what the API server accepts, and only that, parses.

enum class Token {
    End,
    Error,
    Identifier,
    OpenParen,
    CloseParen,
    Comma,
    Not,          // "!"
    Equals,       // "="
    DoubleEquals, // "=="
    NotEquals,    // "!="
    In,           // "in" (an identifier where a value is expected)
    NotIn,        // "notin" (likewise)
    Greater,      // ">" (read, then refused: not a label selector operator)
    Less,         // "<"
};

struct Item
{
    Token token;
    std::string text;
};

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isSpecial(char c)
{
    switch (c) {
    case '=':
    case '!':
    case '(':
    case ')':
    case ',':
    case '>':
    case '<': return true;
    default: return false;
    }
}

std::optional<Token> specialToken(std::string_view s)
{
    if (s == ")")
        return Token::CloseParen;
    if (s == "(")
        return Token::OpenParen;
    if (s == ",")
        return Token::Comma;
    if (s == "!")
        return Token::Not;
    if (s == "=")
        return Token::Equals;
    if (s == "==")
        return Token::DoubleEquals;
    if (s == "!=")
        return Token::NotEquals;
    if (s == ">")
        return Token::Greater;
    if (s == "<")
        return Token::Less;
    return std::nullopt;
}

std::vector<Item> scan(std::string_view text)
{
    std::vector<Item> items;
    std::size_t pos = 0;
    while (true) {
        while (pos < text.size() && isWhitespace(text[pos]))
            ++pos;
        if (pos >= text.size()) {
            items.push_back({Token::End, {}});
            return items;
        }
        if (isSpecial(text[pos])) {
            // The longest run of special characters that is a token ("!=" rather than "!").
            std::size_t end = pos;
            std::optional<Token> last;
            std::size_t lastEnd = pos;
            while (end < text.size() && isSpecial(text[end])) {
                ++end;
                if (const auto t = specialToken(text.substr(pos, end - pos))) {
                    last = t;
                    lastEnd = end;
                } else if (last) {
                    break;
                }
            }
            if (!last) {
                items.push_back({Token::Error, std::string(text.substr(pos, end - pos))});
                items.push_back({Token::End, {}});
                return items;
            }
            items.push_back({*last, std::string(text.substr(pos, lastEnd - pos))});
            pos = lastEnd;
            continue;
        }
        const std::size_t start = pos;
        while (pos < text.size() && !isWhitespace(text[pos]) && !isSpecial(text[pos]))
            ++pos;
        std::string word(text.substr(start, pos - start));
        const Token t = word == "in"      ? Token::In
                        : word == "notin" ? Token::NotIn
                                          : Token::Identifier;
        items.push_back({t, std::move(word)});
    }
}

class Parser
{
public:
    explicit Parser(std::string_view text)
        : m_items(scan(text))
    {
    }

    ParseResult parse()
    {
        ParseResult result;
        while (true) {
            const Item first = lookahead(true);
            if (first.token == Token::End)
                break;
            if (first.token != Token::Identifier && first.token != Token::Not) {
                fail(first,
                     "found '" + first.text + "', expected: !, identifier, or 'end of string'");
                break;
            }
            std::optional<Requirement> r = requirement();
            if (!r)
                break;
            result.requirements.push_back(std::move(*r));
            const Item after = consume(true);
            if (after.token == Token::End)
                break;
            if (after.token != Token::Comma) {
                fail(after, "found '" + after.text + "', expected: ',' or 'end of string'");
                break;
            }
            const Item next = lookahead(true);
            if (next.token != Token::Identifier && next.token != Token::Not) {
                if (next.token == Token::Comma || next.token == Token::End)
                    m_error = ParseError{ParseError::Kind::EmptyRequirement, next.text, {}};
                fail(next, "found '" + next.text + "', expected: identifier after ','");
                break;
            }
        }
        if (m_error) {
            result.requirements.clear();
            result.error = std::move(m_error);
            return result;
        }
        // As apimachinery: requirements sorted by key for a deterministic form.
        std::stable_sort(result.requirements.begin(), result.requirements.end(),
                         [](const Requirement &a, const Requirement &b) { return a.key < b.key; });
        return result;
    }

private:
    // In a value context "in" and "notin" are plain identifiers ("tier in (in)").
    Item lookahead(bool values) const { return contextual(m_items[m_pos], values); }
    Item consume(bool values)
    {
        Item item = contextual(m_items[m_pos], values);
        if (m_pos + 1 < m_items.size())
            ++m_pos;
        return item;
    }
    static Item contextual(Item item, bool values)
    {
        if (values && (item.token == Token::In || item.token == Token::NotIn))
            item.token = Token::Identifier;
        return item;
    }

    // Records the first error; the classification (unless already set) follows the token.
    void fail(const Item &found, const std::string &message)
    {
        if (!m_error) {
            ParseError e;
            e.token = found.text;
            if (found.token == Token::CloseParen || found.token == Token::OpenParen)
                e.kind = ParseError::Kind::UnexpectedParen;
            else
                e.kind = ParseError::Kind::UnexpectedToken;
            m_error = std::move(e);
        }
        if (m_error->message.empty())
            m_error->message = message;
    }
    void failInRequirement(const Item &found, const std::string &message)
    {
        fail(found, "unable to parse requirement: " + message);
    }
    void failValidation(ParseError::Kind kind, const std::string &token, const std::string &what)
    {
        if (!m_error)
            m_error = ParseError{kind, token, "unable to parse requirement: " + what};
    }

    std::optional<Requirement> requirement()
    {
        Requirement r;
        Item key = consume(true);
        bool negated = false;
        if (key.token == Token::Not) {
            negated = true;
            key = consume(true);
        }
        if (key.token != Token::Identifier) {
            failInRequirement(key, "found '" + key.text + "', expected: identifier");
            return std::nullopt;
        }
        if (!isValidKey(key.text)) {
            failValidation(ParseError::Kind::InvalidKey, key.text,
                           "invalid label key \"" + key.text
                               + "\": a qualified name must consist of alphanumeric characters, "
                                 "'-', '_' or '.', with an optional DNS subdomain prefix and '/'");
            return std::nullopt;
        }
        r.key = key.text;
        // "!key" takes no operator: what follows it must end the requirement (the caller
        // reports "!app=web" at the "=").
        const Token next = lookahead(true).token;
        if (negated || next == Token::End || next == Token::Comma) {
            r.op = negated ? Operator::DoesNotExist : Operator::Exists;
            return r;
        }
        const Item op = consume(false);
        switch (op.token) {
        case Token::In:
        case Token::NotIn:
            r.op = op.token == Token::In ? Operator::In : Operator::NotIn;
            if (!setValues(r))
                return std::nullopt;
            break;
        case Token::Equals:
        case Token::DoubleEquals:
        case Token::NotEquals:
            r.op = op.token == Token::NotEquals ? Operator::NotEquals : Operator::Equals;
            if (!exactValue(r))
                return std::nullopt;
            break;
        default:
            failInRequirement(op, "found '" + op.text + "', expected: in, notin, =, ==, !=");
            return std::nullopt;
        }
        for (const std::string &v : r.values) {
            if (!isValidValue(v)) {
                failValidation(ParseError::Kind::InvalidValue, v,
                               "invalid label value \"" + v
                                   + "\": a valid label must be an empty string or consist of "
                                     "alphanumeric characters, '-', '_' or '.', and must start "
                                     "and end with an alphanumeric character");
                return std::nullopt;
            }
        }
        return r;
    }

    static void insert(std::vector<std::string> &set, std::string value)
    {
        // A set, as Go's sets.String: sorted, no duplicates.
        const auto at = std::lower_bound(set.begin(), set.end(), value);
        if (at == set.end() || *at != value)
            set.insert(at, std::move(value));
    }

    bool setValues(Requirement &r)
    {
        const Item open = consume(true);
        if (open.token != Token::OpenParen) {
            failInRequirement(open, "found '" + open.text + "' expected: '('");
            return false;
        }
        const Item first = lookahead(true);
        if (first.token == Token::CloseParen) { // "()" is the empty value, as in Go
            consume(true);
            insert(r.values, {});
            return true;
        }
        if (first.token != Token::Identifier && first.token != Token::Comma) {
            if (first.token == Token::End)
                m_error = ParseError{ParseError::Kind::MissingParen, {}, {}};
            failInRequirement(first,
                              "found '" + first.text + "', expected: ',', ')' or identifier");
            return false;
        }
        while (true) {
            const Item item = consume(true);
            if (item.token == Token::Identifier) {
                insert(r.values, item.text);
                const Item after = lookahead(true);
                if (after.token == Token::Comma)
                    continue;
                if (after.token == Token::CloseParen)
                    break;
                if (after.token == Token::End)
                    m_error = ParseError{ParseError::Kind::MissingParen, {}, {}};
                failInRequirement(after, "found '" + after.text + "', expected: ',' or ')'");
                return false;
            }
            if (item.token == Token::Comma) { // "(,", ",,", ",)" hold the empty value
                if (r.values.empty())
                    insert(r.values, {});
                const Item after = lookahead(true);
                if (after.token == Token::CloseParen) {
                    insert(r.values, {});
                    break;
                }
                if (after.token == Token::Comma) {
                    consume(true);
                    insert(r.values, {});
                }
                continue;
            }
            if (item.token == Token::End)
                m_error = ParseError{ParseError::Kind::MissingParen, {}, {}};
            failInRequirement(item, "found '" + item.text + "', expected: ',', or identifier");
            return false;
        }
        consume(true); // the ")"
        return true;
    }

    bool exactValue(Requirement &r)
    {
        const Item next = lookahead(true);
        if (next.token == Token::End || next.token == Token::Comma) { // "app=": the empty value
            r.values = {std::string()};
            return true;
        }
        const Item value = consume(true);
        if (value.token != Token::Identifier) {
            failInRequirement(value, "found '" + value.text + "', expected: identifier");
            return false;
        }
        r.values = {value.text};
        return true;
    }

    std::vector<Item> m_items;
    std::size_t m_pos = 0;
    std::optional<ParseError> m_error;
};

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_' || c == '.';
}

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], at most 63 characters.
bool isQualifiedNamePart(std::string_view s)
{
    return !s.empty() && s.size() <= 63 && isAlnum(s.front()) && isAlnum(s.back())
           && std::all_of(s.begin(), s.end(), isNameChar);
}

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// RFC 1123 subdomain: labels of [a-z0-9]([-a-z0-9]*[a-z0-9])? joined by '.', at most 253.
bool isDnsSubdomain(std::string_view s)
{
    if (s.empty() || s.size() > 253)
        return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        const std::string_view label
            = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || !isLowerAlnum(label.front()) || !isLowerAlnum(label.back()))
            return false;
        for (char c : label) {
            if (!isLowerAlnum(c) && c != '-')
                return false;
        }
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

} // namespace

ParseResult parse(std::string_view text)
{
    return Parser(text).parse();
}

bool isValidKey(std::string_view key)
{
    const std::size_t slash = key.find('/');
    if (slash == std::string_view::npos)
        return isQualifiedNamePart(key);
    if (key.find('/', slash + 1) != std::string_view::npos)
        return false;
    return isDnsSubdomain(key.substr(0, slash)) && isQualifiedNamePart(key.substr(slash + 1));
}

bool isValidValue(std::string_view value)
{
    return value.empty() || isQualifiedNamePart(value);
}

std::optional<Operator> operatorFromName(std::string_view name)
{
    if (name == "In")
        return Operator::In;
    if (name == "NotIn")
        return Operator::NotIn;
    if (name == "Exists")
        return Operator::Exists;
    if (name == "DoesNotExist")
        return Operator::DoesNotExist;
    return std::nullopt;
}

std::string toString(const Requirement &r)
{
    const auto joined = [&r] {
        std::string values;
        for (std::size_t i = 0; i < r.values.size(); ++i)
            values += (i == 0 ? "" : ",") + r.values[i];
        return values;
    };
    switch (r.op) {
    case Operator::Equals: return r.key + "=" + (r.values.empty() ? std::string() : r.values[0]);
    case Operator::NotEquals:
        return r.key + "!=" + (r.values.empty() ? std::string() : r.values[0]);
    case Operator::In: return r.key + " in (" + joined() + ")";
    case Operator::NotIn: return r.key + " notin (" + joined() + ")";
    case Operator::Exists: return r.key;
    case Operator::DoesNotExist: return "!" + r.key;
    }
    return {};
}

std::string toString(const std::vector<Requirement> &requirements)
{
    std::string out;
    for (const Requirement &r : requirements) {
        if (!out.empty())
            out += ',';
        out += toString(r);
    }
    return out;
}

} // namespace Orrery::Labels
