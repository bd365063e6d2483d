/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_JSON_DUPLICATE_KEY_FINDER_H
#define DMM_JSON_DUPLICATE_KEY_FINDER_H

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Finds the first key that appears twice in one JSON object.
 *
 * nlohmann::json keeps only the last of duplicated keys without a word, so a scenario file
 * with two "delay_ms" in one link would silently lose one; this SAX pass names it.
 */
class JsonDuplicateKeyFinder : public nlohmann::json_sax<nlohmann::json>
{
  public:
    /**
     * \brief Scan a JSON text.
     * \param text JSON text (syntax errors end the scan without a result)
     * \returns the JSON path of the first duplicated key, e.g. `links[2].delay_ms`, if any
     */
    static std::optional<std::string> Find(const std::string& text);

    bool null() override;
    bool boolean(bool) override;
    bool number_integer(number_integer_t) override;
    bool number_unsigned(number_unsigned_t) override;
    bool number_float(number_float_t, const string_t&) override;
    bool string(string_t&) override;
    bool binary(binary_t&) override;
    bool start_object(std::size_t) override;
    bool key(string_t& k) override;
    bool end_object() override;
    bool start_array(std::size_t) override;
    bool end_array() override;
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override;

  private:
    /// One open object or array.
    struct Frame
    {
        bool object;                //!< object (true) or array
        std::set<std::string> keys; //!< keys seen so far (objects)
        std::string key;            //!< current key (objects)
        std::size_t index;          //!< current element (arrays)
    };

    /// A complete value ends: the enclosing array moves to its next element.
    bool Value();
    /// \returns the JSON path of the current position
    std::string Path() const;

    std::vector<Frame> m_stack;             //!< open containers
    std::optional<std::string> m_duplicate; //!< first duplicate found
};

} // namespace ns3

#endif /* DMM_JSON_DUPLICATE_KEY_FINDER_H */
