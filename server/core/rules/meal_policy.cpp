#include "rules/meal_policy.h"

#include <mutex>
#include <stdexcept>

#include "rules/handlers.h"

namespace district {

std::shared_ptr<const config::MealPolicy> districtMealPolicy(Tx& tx) {
    static std::mutex mu;
    static std::string cachedText = "-";  // never stored: the first call parses
    static std::shared_ptr<const config::MealPolicy> cached;
    const std::string text = tx.subsidyRules().sections_json;
    std::lock_guard<std::mutex> lock(mu);
    if (text != cachedText || !cached) {
        try {
            const auto sections = text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text);
            cached = std::make_shared<const config::MealPolicy>(config::parseMealPolicy(sections));
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string("the district's stored meal rules are damaged: ") + e.what());
        }
        cachedText = text;
    }
    return cached;
}

config::ElderFacts elderFacts(const Member& m, const std::string& date) {
    return config::ElderFacts{m.hukou, ageOn(m.birth_date, date), m.categories, m.care_level, !m.address.empty()};
}

}  // namespace district
