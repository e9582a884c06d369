// The echo "database": a tokenizer-free recursive reader of SELECT <literal> lists.
#include "echo_select.hpp"

#include <athanor/errors.hpp>

#include <cctype>
#include <string>

namespace template_dialect {

namespace {

class EchoReader {
public:
    EchoReader(std::string_view sql, std::span<const athanor::Value> params) : sql_(sql), params_(params) {}

    EchoResult read() {
        skip_space();
        if (!keyword("SELECT")) fail("expected SELECT");
        EchoResult result;
        do {
            skip_space();
            const auto start = pos_;
            auto [value, type_name] = literal();
            std::string name(sql_.substr(start, pos_ - start));
            skip_space();
            if (keyword("AS")) {
                skip_space();
                name = identifier();
            }
            result.columns.push_back({std::move(name), std::move(type_name)});
            result.row.push_back(std::move(value));
            skip_space();
        } while (consume(','));
        consume(';');
        skip_space();
        if (pos_ != sql_.size()) fail("unexpected text");
        if (next_param_ != params_.size())
            throw athanor::InterfaceError("echo: the statement takes " + std::to_string(next_param_) +
                                          " parameters but " + std::to_string(params_.size()) + " were bound");
        return result;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw athanor::ProgrammingError("echo: " + what + " at offset " + std::to_string(pos_) +
                                            " (the template driver answers only SELECT <literal> [AS name], ...)",
                                        "42601");
    }

    void skip_space() {
        while (pos_ < sql_.size() && std::isspace(static_cast<unsigned char>(sql_[pos_]))) ++pos_;
    }

    bool consume(char c) {
        if (pos_ < sql_.size() && sql_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    static bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

    // A case-insensitive keyword, not followed by a letter, digit or '_'.
    bool keyword(std::string_view word) {
        if (sql_.size() - pos_ < word.size()) return false;
        for (std::size_t i = 0; i < word.size(); ++i)
            if (std::toupper(static_cast<unsigned char>(sql_[pos_ + i])) != word[i]) return false;
        if (pos_ + word.size() < sql_.size() && word_char(sql_[pos_ + word.size()])) return false;
        pos_ += word.size();
        return true;
    }

    std::string identifier() {
        if (consume('"')) return quoted('"');
        const auto start = pos_;
        while (pos_ < sql_.size() && word_char(sql_[pos_])) ++pos_;
        if (pos_ == start) fail("expected a column name after AS");
        return std::string(sql_.substr(start, pos_ - start));
    }

    // The text up to the closing `quote`, a doubled quote standing for one.
    std::string quoted(char quote) {
        std::string out;
        while (pos_ < sql_.size()) {
            const char c = sql_[pos_++];
            if (c != quote) {
                out += c;
            } else if (consume(quote)) {
                out += quote;
            } else {
                return out;
            }
        }
        fail("unterminated quoted text");
    }

    std::pair<athanor::Value, std::string> number() {
        const auto start = pos_;
        consume('-');
        bool fraction = false, exponent = false;
        while (pos_ < sql_.size()) {
            const char c = sql_[pos_];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++pos_;
            } else if (c == '.' && !fraction && !exponent) {
                fraction = true;
                ++pos_;
            } else if ((c == 'e' || c == 'E') && !exponent && pos_ > start) {
                exponent = true;
                ++pos_;
                if (!consume('-')) consume('+');
            } else {
                break;
            }
        }
        const std::string text(sql_.substr(start, pos_ - start));
        try {
            if (exponent) return {athanor::Value(std::stod(text)), "DOUBLE"};
            if (fraction) return {athanor::Value(athanor::Decimal(text)), "DECIMAL"};
            return {athanor::Value(static_cast<std::int64_t>(std::stoll(text))), "INTEGER"};
        } catch (const std::out_of_range&) {
            throw athanor::DataError("echo: number out of range: " + text, "22003");
        } catch (const std::invalid_argument&) {
            fail("malformed number '" + text + "'");
        }
    }

    std::pair<athanor::Value, std::string> literal() {
        if (pos_ >= sql_.size()) fail("expected a literal");
        const char c = sql_[pos_];
        if (c == '?') {
            ++pos_;
            if (next_param_ >= params_.size())
                throw athanor::InterfaceError("echo: more ? placeholders than the " + std::to_string(params_.size()) +
                                              " bound parameters");
            return {params_[next_param_++], ""};
        }
        if (c == '\'') {
            ++pos_;
            return {athanor::Value(quoted('\'')), "TEXT"};
        }
        if (c == '-' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) return number();
        if (keyword("NULL")) return {athanor::Value(), "NULL"};
        if (keyword("TRUE")) return {athanor::Value(true), "BOOLEAN"};
        if (keyword("FALSE")) return {athanor::Value(false), "BOOLEAN"};
        fail("expected a literal");
    }

    std::string_view sql_;
    std::span<const athanor::Value> params_;
    std::size_t pos_ = 0;
    std::size_t next_param_ = 0;
};

}  // namespace

EchoResult echo_select(std::string_view sql, std::span<const athanor::Value> params) {
    return EchoReader(sql, params).read();
}

}  // namespace template_dialect
