/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_INTERNED_NAME_H
#define DMM_INTERNED_NAME_H

#include <cstdint>
#include <fmt/format.h>
#include <ostream>
#include <string>
#include <string_view>

namespace ns3
{
namespace dmm
{

/**
 * \ingroup dmm
 * \brief A name (of a node, an interface) kept once per process: a record that carries
 * one holds a 4-byte handle instead of a std::string (32 bytes).
 *
 * A scenario's attachment list has an entry per move of every mobile node (6,000,000 for
 * 100,000 nodes moving every minute for an hour) and three names in each, drawn from a few
 * hundred thousand distinct ones. The handle reads as a `const std::string&`, compares
 * with strings and with other handles, prints and formats as the name; equal names have
 * equal handles. Names are never forgotten: the pool is bounded by the distinct names
 * the process has seen.
 */
class InternedName
{
  public:
    /// \brief The empty name.
    InternedName() = default;
    /// \brief Intern \p name. \param name a name
    InternedName(std::string_view name);

    /// \brief Intern \p name. \param name a name
    InternedName(const std::string& name)
        : InternedName(std::string_view(name))
    {
    }

    /// \brief Intern \p name. \param name a name
    InternedName(const char* name)
        : InternedName(std::string_view(name))
    {
    }

    /// \return the name
    const std::string& str() const;

    /// \return the name
    operator const std::string&() const
    {
        return str();
    }

    /// \return true for the empty name
    bool empty() const
    {
        return m_id == 0;
    }

    /// \param o another name \return true if the names are equal
    bool operator==(InternedName o) const
    {
        return m_id == o.m_id;
    }

    /// \param o another name \return true if the names differ
    bool operator!=(InternedName o) const
    {
        return m_id != o.m_id;
    }

    /// \param o a name \return true if the names are equal
    bool operator==(std::string_view o) const
    {
        return str() == o;
    }

    /// \param o a name \return true if the names differ
    bool operator!=(std::string_view o) const
    {
        return str() != o;
    }

    /// \param o a name \return true if the names are equal
    bool operator==(const char* o) const
    {
        return str() == o;
    }

    /// \param o a name \return true if the names differ
    bool operator!=(const char* o) const
    {
        return str() != o;
    }

    /// \param o a name \return true if the names are equal
    bool operator==(const std::string& o) const
    {
        return str() == o;
    }

    /// \param o a name \return true if the names differ
    bool operator!=(const std::string& o) const
    {
        return str() != o;
    }

    /// \brief Orders by the names' text (not by handle), as the strings did.
    /// \param o another name \return true if this name sorts first
    bool operator<(InternedName o) const
    {
        return m_id != o.m_id && str() < o.str();
    }

  private:
    uint32_t m_id{0}; //!< position in the pool; 0: ""
};

/// \param s a string \param n a name \return true if they are equal
inline bool
operator==(const std::string& s, InternedName n)
{
    return n == s;
}

/// \param s a string \param n a name \return true if they differ
inline bool
operator!=(const std::string& s, InternedName n)
{
    return n != s;
}

/// \param s a string \param n a name \return true if they are equal
inline bool
operator==(const char* s, InternedName n)
{
    return n == s;
}

/// \param s a string \param n a name \return true if they differ
inline bool
operator!=(const char* s, InternedName n)
{
    return n != s;
}

/// \param os a stream \param n a name \return the stream, with the name written
inline std::ostream&
operator<<(std::ostream& os, InternedName n)
{
    return os << n.str();
}

} // namespace dmm
} // namespace ns3

/// \brief Formats an InternedName as its text.
template <>
struct fmt::formatter<ns3::dmm::InternedName> : fmt::formatter<std::string_view>
{
    /// \param n the name \param ctx the context \return the output iterator
    template <typename FormatContext>
    auto format(ns3::dmm::InternedName n, FormatContext& ctx) const
    {
        return fmt::formatter<std::string_view>::format(n.str(), ctx);
    }
};

#endif // DMM_INTERNED_NAME_H
