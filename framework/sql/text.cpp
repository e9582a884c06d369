// text(): finds `:name` parameters once, at construction, skipping quoted strings (with
// PostgreSQL's backslash escapes in E'...'), identifiers, comments and PostgreSQL
// dollar-quoted bodies, then renders the placeholders in whatever paramstyle the dialect
// asks for.
#include "compiler_placeholders.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/text.hpp>

#include <algorithm>

namespace athanor::sql {

namespace {

// Letters, digits, '_' and any byte of a UTF-8 sequence, like Python's \w in SQLAlchemy.
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Length of a dollar-quote tag ("$$" or "$tag$") starting at `pos`, or 0.
std::size_t dollar_tag_length(std::string_view s, std::size_t pos) {
    std::size_t i = pos + 1;
    if (i < s.size() && (s[i] >= '0' && s[i] <= '9')) return 0;  // $1 is a placeholder
    while (i < s.size() && is_name_char(s[i])) ++i;
    return i < s.size() && s[i] == '$' ? i - pos + 1 : 0;
}

// One past the quote that closes the E'...' string whose opening quote is at `open` (''
// inside is a quote too), or s.size() when it is not closed.
std::size_t escape_string_end(std::string_view s, std::size_t open) {
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '\'') {
            if (i + 1 < s.size() && s[i + 1] == '\'') ++i;
            else return i + 1;
        }
    }
    return s.size();
}

}  // namespace

TextClause::TextClause(std::string sql) : sql_(std::move(sql)) {
    const std::string_view s = sql_;
    std::string literal;
    // Copies s[from, to) verbatim: quoted and commented text is never searched for parameters.
    auto copy_until = [&](std::size_t from, std::size_t to) {
        to = std::min(to, s.size());
        literal.append(s.substr(from, to - from));
        return to;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : '\0';
        if (c == '\'' && i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i == 1 || !is_name_char(s[i - 2]))) {
            // PostgreSQL's E'...': a backslash escapes the next character, so \' does not close.
            i = copy_until(i, escape_string_end(s, i));
        } else if (c == '\'' || c == '"' || c == '`') {
            // A doubled quote inside just closes and reopens: the loop handles it.
            std::size_t close = s.find(c, i + 1);
            i = copy_until(i, close == std::string_view::npos ? s.size() : close + 1);
        } else if (c == '-' && next == '-') {
            std::size_t eol = s.find('\n', i);
            i = copy_until(i, eol == std::string_view::npos ? s.size() : eol + 1);
        } else if (c == '/' && next == '*') {
            std::size_t end = s.find("*/", i + 2);
            i = copy_until(i, end == std::string_view::npos ? s.size() : end + 2);
        } else if (c == '$' && (i == 0 || !is_name_char(s[i - 1])) && dollar_tag_length(s, i) > 0) {
            std::size_t n = dollar_tag_length(s, i);
            std::size_t end = s.find(s.substr(i, n), i + n);
            i = copy_until(i, end == std::string_view::npos ? s.size() : end + n);
        } else if (c == '\\' && next == ':') {
            literal += ':';
            i += 2;
        } else if (c == ':' && next == ':') {
            i = copy_until(i, i + 2);  // PostgreSQL cast
        } else if (c == ':' && is_name_char(next) && (i == 0 || !is_name_char(s[i - 1]))) {
            std::size_t end = i + 1;
            while (end < s.size() && is_name_char(s[end])) ++end;
            std::string name(s.substr(i + 1, end - i - 1));
            names_.push_back(name);
            pieces_.push_back(Piece{std::move(literal), std::move(name)});
            literal.clear();
            i = end;
        } else {
            literal += c;
            ++i;
        }
    }
    pieces_.push_back(Piece{std::move(literal), {}});
}

TextClause TextClause::bindparams(const std::vector<Expr>& binds) const {
    TextClause copy = *this;
    for (const auto& e : binds) {
        auto bind = std::dynamic_pointer_cast<const BindParamNode>(e.node());
        if (!bind || bind->anonymous) throw ArgumentError("text().bindparams() takes named bindparam()s");
        if (std::find(names_.begin(), names_.end(), bind->key) == names_.end())
            throw ArgumentError("This text() construct doesn't define a bound parameter named '" + bind->key + "'");
        auto same = std::find_if(copy.binds_.begin(), copy.binds_.end(), [&](const auto& b) { return b->key == bind->key; });
        if (same != copy.binds_.end())
            *same = std::move(bind);
        else
            copy.binds_.push_back(std::move(bind));
    }
    return copy;
}

std::shared_ptr<const CompiledStatement> TextClause::compile(const sdk::Dialect& dialect) const {
    using sdk::Paramstyle;
    const Paramstyle style = dialect.paramstyle();
    auto compiled = std::make_shared<CompiledStatement>();
    compiled->kind = StatementKind::text;
    std::string& out = compiled->sql;
    out.reserve(sql_.size() + 8);
    std::size_t position = 0;
    // With post-compile binds (expanding, literal_execute), the form SqlCompiler::expand()
    // renders per execution: placeholders as markers, as the statement compiler leaves them.
    std::string tmpl;
    bool post_compile = false;
    std::shared_ptr<SqlCompiler> compiler;
    const auto processor_for = [&](const TypePtr& type) {
        if (!type) return Processor{};
        if (!compiler) compiler = compiler_for(dialect);
        return compiler->bind_processor_for(type);
    };
    for (const auto& piece : pieces_) {
        const std::size_t literal_start = out.size();
        if (style == Paramstyle::format) {
            // The driver runs printf-like substitution over the whole text.
            for (char c : piece.literal) {
                if (c == '%') out += '%';
                out += c;
            }
        } else {
            out += piece.literal;
        }
        tmpl.append(out, literal_start, std::string::npos);
        if (piece.name.empty()) continue;
        const auto found = std::find_if(binds_.begin(), binds_.end(), [&](const auto& b) { return b->key == piece.name; });
        const BindParamNode* given = found == binds_.end() ? nullptr : found->get();
        if (given && (given->expanding || given->literal_execute)) {
            if (!compiler) compiler = compiler_for(dialect);
            BindParameter b{piece.name, given->value, processor_for(given->type), true};
            b.literal_execute = given->literal_execute;
            if (given->expanding) {
                // `IN :q` -> `IN (?, ?)`: the bind renders its own parentheses, as SQLAlchemy's.
                b.post_compile = BindParameter::PostCompile::list;
                b.any_shape = given->tuple_types.empty();
                b.tuple_width = given->tuple_types.size();
                for (const auto& type : given->tuple_types) b.element_processors.push_back(processor_for(type));
                b.empty_set = b.tuple_width ? compiler->empty_tuple_in_expression(false, b.tuple_width)
                                            : compiler->empty_in_expression(false);
                b.default_list = given->list;
                tmpl += '(';
                tmpl += expanding_marker;
                tmpl += ')';
            } else {
                b.post_compile = BindParameter::PostCompile::scalar;
                tmpl += expanding_marker;
            }
            compiled->binds.push_back(std::move(b));
            post_compile = true;
            out += "__[POSTCOMPILE_" + safe_bind_name(piece.name) + "]";
            continue;
        }
        ++position;
        const std::size_t placeholder_start = out.size();
        switch (style) {
            case Paramstyle::qmark: out += '?'; break;
            case Paramstyle::numeric: out += ':' + std::to_string(position); break;
            case Paramstyle::dollar: out += '$' + std::to_string(position); break;
            case Paramstyle::format: out += "%s"; break;
            case Paramstyle::named: out += ':' + piece.name; break;
        }
        if (style == Paramstyle::named)
            tmpl.append(out, placeholder_start, std::string::npos);
        else
            tmpl += positional_marker;
        // In named style a name used twice is one parameter (SQLite numbers named parameters
        // by first appearance), so it is bound once; positional styles bind every occurrence.
        if (style == Paramstyle::named) {
            bool seen = false;
            for (const auto& b : compiled->binds) seen = seen || (b.key == piece.name && !b.expanding);
            if (seen) continue;
        }
        compiled->binds.push_back(given ? BindParameter{piece.name, given->value, processor_for(given->type)}
                                        : BindParameter{piece.name, std::nullopt, {}});
    }
    if (post_compile) {
        compiled->expanding_template = std::move(tmpl);
        compiled->sql = compiler->render_template(*compiled, nullptr, nullptr);
    }
    return compiled;
}

std::string TextClause::cache_key() const {
    if (binds_.empty()) return "text:" + sql_;
    // The binds' options shape the compiled form; their defaults are carried in it.
    std::string key = "text+binds:" + sql_;
    for (const auto& b : binds_) {
        key += '\0' + b->key + (b->expanding ? "+e" : "") + (b->literal_execute ? "+l" : "");
        if (b->type) key += ":" + b->type->cache_token();
        for (const auto& t : b->tuple_types) key += "," + (t ? t->cache_token() : std::string("-"));
        if (b->value) key += "=" + std::to_string(static_cast<int>(b->value->kind())) + b->value->repr();
        if (b->list)
            for (const auto& v : b->list->values) key += ";" + std::to_string(static_cast<int>(v.kind())) + v.repr();
    }
    return key;
}

}  // namespace athanor::sql

namespace athanor {
sql::TextClause text(std::string sql) { return sql::TextClause(std::move(sql)); }
}  // namespace athanor
