/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_JSON_OBJECT_READER_H
#define DMM_JSON_OBJECT_READER_H

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Strict, path-aware reading of one JSON object of an input file.
 *
 * The constructor refuses a non-object and any key outside the allowed set; the getters
 * refuse missing required keys and values of the wrong type. Every failure throws
 * ScenarioError with a message that starts with the JSON path, e.g.
 * `links[2].delay_ms: expected a number (got string "5")`.
 */
class JsonObjectReader
{
  public:
    /**
     * \param j the value that must be an object (kept by reference: must outlive the reader)
     * \param path its JSON path ("" for the document root)
     * \param allowed the keys it may contain
     */
    JsonObjectReader(const nlohmann::json& j,
                     std::string path,
                     const std::set<std::string>& allowed);

    /// \returns the JSON path of \p key in this object
    std::string Path(const std::string& key) const;
    /// \returns whether the object has \p key
    bool Has(const std::string& key) const;
    /// \returns the value of a required key
    const nlohmann::json& Get(const std::string& key) const;
    /// \returns a required string
    std::string String(const std::string& key) const;
    /// \returns an optional string, \p def if absent
    std::string String(const std::string& key, const std::string& def) const;
    /**
     * \brief An optional string that names one of a few modes.
     * \param key the key \param def the mode if absent
     * \param known the modes, in the order the error message lists them
     * \returns the mode; any other string fails with "unknown mode ... (known: ...)"
     */
    std::string Mode(const std::string& key,
                     const std::string& def,
                     const std::vector<std::string>& known) const;
    /// \returns a required finite number
    double Number(const std::string& key) const;
    /// \returns an optional finite number, \p def if absent
    double Number(const std::string& key, double def) const;
    /// \returns a required integer in [0, max] (2.0 counts as an integer, 2.5 does not)
    uint64_t Unsigned(const std::string& key, uint64_t max) const;
    /// \returns an optional boolean, \p def if absent
    bool Bool(const std::string& key, bool def) const;
    /// \returns the array under \p key, an empty array if absent
    const nlohmann::json& Array(const std::string& key) const;

    /**
     * \brief Throw ScenarioError "<path>: <what>".
     * \param path JSON path (may be empty)
     * \param what the problem
     */
    [[noreturn]] static void Fail(const std::string& path, const std::string& what);
    /**
     * \brief Refuse v < min (or v <= min when strict) with "must be >= min (got v)".
     * \param path JSON path of the value
     * \param v the value
     * \param min the bound
     * \param strict whether min itself is refused
     */
    static void CheckMin(const std::string& path, double v, double min, bool strict);
    /// \returns "number", "string", "object", ... for messages
    static std::string TypeName(const nlohmann::json& v);
    /// \returns the value as JSON text, shortened for messages
    static std::string Shown(const nlohmann::json& v);
    /// \returns the names separated by ", "
    static std::string Join(const std::set<std::string>& names);

  private:
    const nlohmann::json& m_j; //!< the object
    std::string m_path;        //!< its JSON path
};

} // namespace ns3

#endif /* DMM_JSON_OBJECT_READER_H */
