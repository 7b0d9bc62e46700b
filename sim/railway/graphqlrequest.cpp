// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphqlrequest.h"

#include <cctype>
#include <cstdio>
#include <map>

using json = nlohmann::json;

namespace Orrery::Sim::GraphQl {

namespace {

// A variable reference inside a parsed value, until the operation's variables replace it.
// GraphQL names never start with a NUL, so no object literal can collide with the marker.
const std::string VariableMarker = std::string(1, '\0') + "var";

struct VariableDefinition
{
    std::string name;
    std::string type; // as written: "String!", "[ID!]"
    bool nonNull = false;
    std::optional<json> defaultValue;
};

struct ParsedOperation
{
    Operation operation;
    std::vector<VariableDefinition> variables;
};

class Parser
{
public:
    explicit Parser(const std::string &text)
        : m_text(text)
    {
    }

    bool document(std::vector<ParsedOperation> *out)
    {
        skipIgnored();
        if (atEnd())
            return fail("Syntax Error: Unexpected <EOF>.");
        while (!atEnd()) {
            ParsedOperation op;
            if (!operation(&op))
                return false;
            out->push_back(std::move(op));
            skipIgnored();
        }
        return true;
    }

    const std::string &error() const { return m_error; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    bool fail(const std::string &message)
    {
        if (m_error.empty())
            m_error = message;
        return false;
    }

    void skipIgnored()
    {
        while (!atEnd()) {
            const unsigned char c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
                ++m_pos;
            } else if (c == 0xEF && m_text.compare(m_pos, 3, "\xEF\xBB\xBF") == 0) {
                m_pos += 3; // byte order mark
            } else if (c == '#') {
                while (!atEnd() && m_text[m_pos] != '\n' && m_text[m_pos] != '\r')
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    bool expect(char c)
    {
        skipIgnored();
        if (peek() != c)
            return fail(std::string("Syntax Error: Expected \"") + c + "\", found " + describeNext()
                        + ".");
        ++m_pos;
        return true;
    }

    std::string describeNext() const
    {
        if (atEnd())
            return "<EOF>";
        const char c = m_text[m_pos];
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
            return "Name \"" + m_text.substr(m_pos, nameLength()) + "\"";
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X byte", static_cast<unsigned char>(c));
            return buf; // never a raw byte: messages stay valid UTF-8
        }
        return std::string("\"") + c + "\"";
    }

    std::size_t nameLength() const
    {
        std::size_t n = 0;
        while (m_pos + n < m_text.size()) {
            const char c = m_text[m_pos + n];
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
                break;
            ++n;
        }
        return n;
    }

    bool name(std::string *out)
    {
        skipIgnored();
        const char c = peek();
        if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_'))
            return fail("Syntax Error: Expected Name, found " + describeNext() + ".");
        const std::size_t n = nameLength();
        *out = m_text.substr(m_pos, n);
        m_pos += n;
        return true;
    }

    bool operation(ParsedOperation *op)
    {
        skipIgnored();
        if (peek() == '{') {
            op->operation.type = "query";
            return selectionSet(&op->operation.selections, 1);
        }
        std::string keyword;
        if (!name(&keyword))
            return false;
        if (keyword == "fragment")
            return fail("Fragments are not supported by this server.");
        if (keyword == "subscription")
            return fail("Subscriptions are not supported over HTTP.");
        if (keyword != "query" && keyword != "mutation")
            return fail("Syntax Error: Unexpected Name \"" + keyword + "\".");
        op->operation.type = keyword;
        skipIgnored();
        if (std::isalpha(static_cast<unsigned char>(peek())) || peek() == '_') {
            if (!name(&op->operation.name))
                return false;
            skipIgnored();
        }
        if (peek() == '(' && !variableDefinitions(&op->variables))
            return false;
        skipIgnored();
        if (peek() == '@')
            return fail("Directives are not supported by this server.");
        return selectionSet(&op->operation.selections, 1);
    }

    bool variableDefinitions(std::vector<VariableDefinition> *out)
    {
        if (!expect('('))
            return false;
        skipIgnored();
        while (peek() != ')') {
            if (atEnd())
                return fail("Syntax Error: Expected \")\", found <EOF>.");
            VariableDefinition def;
            if (!expect('$') || !name(&def.name) || !expect(':'))
                return false;
            if (!typeReference(&def.type, 0))
                return false;
            def.nonNull = !def.type.empty() && def.type.back() == '!';
            skipIgnored();
            if (peek() == '=') {
                ++m_pos;
                json value;
                if (!valueLiteral(&value, 0, true))
                    return false;
                def.defaultValue = std::move(value);
            }
            skipIgnored();
            if (peek() == '@')
                return fail("Directives are not supported by this server.");
            for (const VariableDefinition &other : *out)
                if (other.name == def.name)
                    return fail("There can be only one variable named \"$" + def.name + "\".");
            out->push_back(std::move(def));
            skipIgnored();
        }
        ++m_pos;
        return true;
    }

    bool typeReference(std::string *out, int depth)
    {
        if (depth > MaxDepth)
            return fail("Syntax Error: type nested too deeply.");
        skipIgnored();
        if (peek() == '[') {
            ++m_pos;
            std::string inner;
            if (!typeReference(&inner, depth + 1) || !expect(']'))
                return false;
            *out = "[" + inner + "]";
        } else if (!name(out)) {
            return false;
        }
        skipIgnored();
        if (peek() == '!') {
            ++m_pos;
            *out += "!";
        }
        return true;
    }

    bool selectionSet(std::vector<Field> *out, int depth)
    {
        if (depth > MaxDepth)
            return fail("Query is nested too deeply (more than " + std::to_string(MaxDepth)
                        + " levels).");
        if (!expect('{'))
            return false;
        skipIgnored();
        if (peek() == '}')
            return fail("Syntax Error: Expected Name, found \"}\".");
        while (peek() != '}') {
            if (atEnd())
                return fail("Syntax Error: Expected Name, found <EOF>.");
            if (m_text.compare(m_pos, 3, "...") == 0)
                return fail("Fragments are not supported by this server.");
            if (++m_fields > MaxFields)
                return fail("Query has too many fields (more than " + std::to_string(MaxFields)
                            + ").");
            Field field;
            if (!name(&field.name))
                return false;
            skipIgnored();
            if (peek() == ':') {
                ++m_pos;
                field.alias = field.name;
                if (!name(&field.name))
                    return false;
                skipIgnored();
            } else {
                field.alias = field.name;
            }
            if (peek() == '(') {
                ++m_pos;
                skipIgnored();
                while (peek() != ')') {
                    if (atEnd())
                        return fail("Syntax Error: Expected Name, found <EOF>.");
                    std::string arg;
                    json value;
                    if (!name(&arg) || !expect(':') || !valueLiteral(&value, depth, false))
                        return false;
                    if (field.args.contains(arg))
                        return fail("There can be only one argument named \"" + arg + "\".");
                    field.args[arg] = std::move(value);
                    skipIgnored();
                }
                ++m_pos;
                skipIgnored();
            }
            if (peek() == '@')
                return fail("Directives are not supported by this server.");
            if (peek() == '{') {
                field.hasSelections = true;
                if (!selectionSet(&field.selections, depth + 1))
                    return false;
            }
            out->push_back(std::move(field));
            skipIgnored();
        }
        ++m_pos;
        return true;
    }

    bool valueLiteral(json *out, int depth, bool isConst)
    {
        if (depth > MaxDepth)
            return fail("Value is nested too deeply (more than " + std::to_string(MaxDepth)
                        + " levels).");
        skipIgnored();
        const char c = peek();
        if (c == '$') {
            if (isConst)
                return fail("Syntax Error: Unexpected variable in a constant value.");
            ++m_pos;
            std::string var;
            if (!name(&var))
                return false;
            *out = json::object({{VariableMarker, var}});
            return true;
        }
        if (c == '"')
            return stringLiteral(out);
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c)))
            return numberLiteral(out);
        if (c == '[') {
            ++m_pos;
            *out = json::array();
            skipIgnored();
            while (peek() != ']') {
                if (atEnd())
                    return fail("Syntax Error: Expected \"]\", found <EOF>.");
                json item;
                if (!valueLiteral(&item, depth + 1, isConst))
                    return false;
                out->push_back(std::move(item));
                skipIgnored();
            }
            ++m_pos;
            return true;
        }
        if (c == '{') {
            ++m_pos;
            *out = json::object();
            skipIgnored();
            while (peek() != '}') {
                if (atEnd())
                    return fail("Syntax Error: Expected \"}\", found <EOF>.");
                std::string key;
                json item;
                if (!name(&key) || !expect(':') || !valueLiteral(&item, depth + 1, isConst))
                    return false;
                if (out->contains(key))
                    return fail("There can be only one input field named \"" + key + "\".");
                (*out)[key] = std::move(item);
                skipIgnored();
            }
            ++m_pos;
            return true;
        }
        std::string word;
        if (!name(&word))
            return false;
        if (word == "true")
            *out = true;
        else if (word == "false")
            *out = false;
        else if (word == "null")
            *out = nullptr;
        else
            *out = word; // an enum value: its name, as JSON variables carry it
        return true;
    }

    bool stringLiteral(json *out)
    {
        if (m_text.compare(m_pos, 3, "\"\"\"") == 0) {
            const std::size_t end = m_text.find("\"\"\"", m_pos + 3);
            if (end == std::string::npos)
                return fail("Syntax Error: Unterminated string.");
            *out = m_text.substr(m_pos + 3, end - m_pos - 3);
            m_pos = end + 3;
            return true;
        }
        ++m_pos;
        std::string s;
        while (true) {
            if (atEnd() || m_text[m_pos] == '\n' || m_text[m_pos] == '\r')
                return fail("Syntax Error: Unterminated string.");
            const char c = m_text[m_pos++];
            if (c == '"')
                break;
            if (c != '\\') {
                s += c;
                continue;
            }
            if (atEnd())
                return fail("Syntax Error: Unterminated string.");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': s += '"'; break;
            case '\\': s += '\\'; break;
            case '/': s += '/'; break;
            case 'b': s += '\b'; break;
            case 'f': s += '\f'; break;
            case 'n': s += '\n'; break;
            case 'r': s += '\r'; break;
            case 't': s += '\t'; break;
            case 'u': {
                if (m_pos + 4 > m_text.size())
                    return fail("Syntax Error: Invalid Unicode escape sequence.");
                unsigned code = 0;
                for (int i = 0; i < 4; ++i) {
                    const char h = m_text[m_pos++];
                    code <<= 4;
                    if (h >= '0' && h <= '9')
                        code |= static_cast<unsigned>(h - '0');
                    else if (h >= 'a' && h <= 'f')
                        code |= static_cast<unsigned>(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F')
                        code |= static_cast<unsigned>(h - 'A' + 10);
                    else
                        return fail("Syntax Error: Invalid Unicode escape sequence.");
                }
                // UTF-8 of a BMP code point; surrogates are kept as U+FFFD.
                if (code >= 0xD800 && code <= 0xDFFF)
                    code = 0xFFFD;
                if (code < 0x80) {
                    s += static_cast<char>(code);
                } else if (code < 0x800) {
                    s += static_cast<char>(0xC0 | (code >> 6));
                    s += static_cast<char>(0x80 | (code & 0x3F));
                } else {
                    s += static_cast<char>(0xE0 | (code >> 12));
                    s += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                    s += static_cast<char>(0x80 | (code & 0x3F));
                }
                break;
            }
            default:
                return fail(std::string("Syntax Error: Invalid character escape sequence: \\") + e
                            + ".");
            }
        }
        *out = std::move(s);
        return true;
    }

    bool numberLiteral(json *out)
    {
        const std::size_t start = m_pos;
        if (peek() == '-')
            ++m_pos;
        bool isFloat = false;
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++m_pos;
            } else if (c == '.' || c == 'e' || c == 'E'
                       || ((c == '+' || c == '-') && m_pos > start
                           && (m_text[m_pos - 1] == 'e' || m_text[m_pos - 1] == 'E'))) {
                isFloat = true;
                ++m_pos;
            } else {
                break;
            }
        }
        const std::string text = m_text.substr(start, m_pos - start);
        if (text == "-" || text.size() > 40)
            return fail("Syntax Error: Invalid number \"" + text + "\".");
        try {
            if (isFloat) {
                std::size_t used = 0;
                const double d = std::stod(text, &used);
                if (used != text.size())
                    return fail("Syntax Error: Invalid number \"" + text + "\".");
                *out = d;
            } else {
                std::size_t used = 0;
                const long long v = std::stoll(text, &used);
                if (used != text.size())
                    return fail("Syntax Error: Invalid number \"" + text + "\".");
                *out = v;
            }
        } catch (const std::exception &) {
            return fail("Syntax Error: Invalid number \"" + text + "\".");
        }
        return true;
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
    int m_fields = 0;
    std::string m_error;
};

// Replaces variable markers in `value` with the variables' values; a variable the operation
// did not define is an error.
bool substitute(json &value, const std::map<std::string, json> &values,
                const std::vector<VariableDefinition> &defined, int depth, std::string *error)
{
    if (depth > MaxDepth * 2) {
        *error = "Value is nested too deeply.";
        return false;
    }
    if (value.is_object()) {
        const auto marker = value.find(VariableMarker);
        if (marker != value.end() && value.size() == 1 && marker->is_string()) {
            const std::string name = marker->get<std::string>();
            bool known = false;
            for (const VariableDefinition &d : defined)
                known = known || d.name == name;
            if (!known) {
                *error = "Variable \"$" + name + "\" is not defined.";
                return false;
            }
            const auto it = values.find(name);
            value = it == values.end() ? json(nullptr) : it->second;
            return true;
        }
        for (auto &[k, v] : value.items())
            if (!substitute(v, values, defined, depth + 1, error))
                return false;
    } else if (value.is_array()) {
        for (json &v : value)
            if (!substitute(v, values, defined, depth + 1, error))
                return false;
    }
    return true;
}

bool substituteFields(std::vector<Field> &fields, const std::map<std::string, json> &values,
                      const std::vector<VariableDefinition> &defined, std::string *error)
{
    for (Field &f : fields) {
        if (!substitute(f.args, values, defined, 0, error))
            return false;
        if (!substituteFields(f.selections, values, defined, error))
            return false;
    }
    return true;
}

} // namespace

std::optional<Operation> parse(const std::string &document, const json &variables,
                               const std::string &operationName, std::string *error)
{
    if (document.size() > MaxQueryBytes) {
        *error = "Query is too large (more than " + std::to_string(MaxQueryBytes) + " bytes).";
        return std::nullopt;
    }
    Parser parser(document);
    std::vector<ParsedOperation> operations;
    if (!parser.document(&operations)) {
        *error = parser.error();
        return std::nullopt;
    }
    ParsedOperation *chosen = nullptr;
    if (!operationName.empty()) {
        for (ParsedOperation &op : operations)
            if (op.operation.name == operationName)
                chosen = &op;
        if (!chosen) {
            *error = "Unknown operation named \"" + operationName + "\".";
            return std::nullopt;
        }
    } else if (operations.size() == 1) {
        chosen = &operations.front();
    } else {
        *error = "Must provide operation name if query contains multiple operations.";
        return std::nullopt;
    }
    std::map<std::string, json> values;
    for (const VariableDefinition &def : chosen->variables) {
        const json *given = nullptr;
        if (variables.is_object()) {
            const auto it = variables.find(def.name);
            if (it != variables.end())
                given = &*it;
        }
        if (given && !given->is_null()) {
            values[def.name] = *given;
        } else if (def.defaultValue) {
            values[def.name] = *def.defaultValue;
        } else if (def.nonNull) {
            *error = "Variable \"$" + def.name + "\" of required type \"" + def.type
                     + "\" was not provided.";
            return std::nullopt;
        }
    }
    if (!substituteFields(chosen->operation.selections, values, chosen->variables, error))
        return std::nullopt;
    return std::move(chosen->operation);
}

} // namespace Orrery::Sim::GraphQl
