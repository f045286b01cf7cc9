#include "bounded_json.h"

#include <optional>
#include <string>

namespace proto {
namespace {

using nlohmann::json;

// Counts nesting and stops the parse at the first level too deep. Every
// other event is accepted and dropped.
class DepthCounter final : public nlohmann::json_sax<json> {
public:
    explicit DepthCounter(int maxDepth) : max_(maxDepth) {}
    bool tooDeep = false;
    std::optional<std::string> error;  // nlohmann's parse_error or out_of_range (a number too large)

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return enter(); }
    bool key(string_t&) override { return true; }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override { return enter(); }
    bool end_array() override { return leave(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        error = e.what();
        return false;
    }

private:
    bool enter() {
        if (++depth_ <= max_) return true;
        tooDeep = true;
        return false;
    }
    bool leave() {
        --depth_;
        return true;
    }
    int max_;
    int depth_ = 0;
};

}  // namespace

JsonTooDeep::JsonTooDeep(int maxDepth)
    : BadJson("JSON nested deeper than " + std::to_string(maxDepth) + " levels"),
      maxDepth_(maxDepth) {}

json parseBounded(std::string_view text, int maxDepth) {
    DepthCounter counter(maxDepth);
    json::sax_parse(text.begin(), text.end(), &counter);
    if (counter.tooDeep) throw JsonTooDeep(maxDepth);
    if (counter.error) throw BadJson(*counter.error);
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {  // the SAX pass took it: not expected
        throw BadJson(e.what());
    }
}

bool isBadJson(const std::exception& e) { return dynamic_cast<const BadJson*>(&e) != nullptr; }

}  // namespace proto
