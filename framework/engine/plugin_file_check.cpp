// Checks on plugin files made with plain POSIX calls: stat() before open() so that nothing
// blocks on a FIFO or reads a device, then bounded reads. The ELF check reads only headers.
#include "engine/plugin_file_check.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace athanor::detail {

namespace {

#if defined(__x86_64__)
constexpr unsigned host_machine = EM_X86_64;
#elif defined(__aarch64__)
constexpr unsigned host_machine = EM_AARCH64;
#elif defined(__i386__)
constexpr unsigned host_machine = EM_386;
#elif defined(__arm__)
constexpr unsigned host_machine = EM_ARM;
#elif defined(__powerpc64__)
constexpr unsigned host_machine = EM_PPC64;
#elif defined(__s390x__)
constexpr unsigned host_machine = EM_S390;
#elif defined(__riscv)
constexpr unsigned host_machine = EM_RISCV;
#else
constexpr unsigned host_machine = EM_NONE;  // unknown here: the machine is left to the loader
#endif

constexpr unsigned char host_class = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
constexpr unsigned char host_data = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a file";
}

std::string type_problem(const struct stat& st) {
    if (S_ISREG(st.st_mode)) return {};
    return std::string("it is not a regular file (") + kind_of(st.st_mode) + ")";
}

std::string errno_text(int error) {
    return std::strerror(error);
}

// A descriptor of a regular file, checked again after open() in case the file was swapped.
class RegularFile {
public:
    RegularFile(const std::filesystem::path& path, std::uintmax_t max_bytes) {
        problem_ = regular_file_problem(path);
        if (!problem_.empty()) return;
        fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0) {
            problem_ = "it cannot be opened for reading: " + errno_text(errno);
            return;
        }
        struct stat st {};
        if (::fstat(fd_, &st) != 0) {
            problem_ = "it cannot be examined: " + errno_text(errno);
            return;
        }
        problem_ = type_problem(st);
        if (!problem_.empty()) return;
        size_ = static_cast<std::uintmax_t>(st.st_size);
        if (size_ > max_bytes)
            problem_ = "it is larger than " + std::to_string(max_bytes) + " bytes (" + std::to_string(size_) +
                       " bytes)";
    }
    ~RegularFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    const std::string& problem() const { return problem_; }
    std::uintmax_t size() const { return size_; }

    // Reads exactly `length` bytes at `offset`; false if the file ends first.
    bool read_at(std::uintmax_t offset, void* out, std::size_t length) const {
        auto* bytes = static_cast<char*>(out);
        while (length > 0) {
            const auto got = ::pread(fd_, bytes, length, static_cast<off_t>(offset));
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return false;
            bytes += got;
            offset += static_cast<std::uintmax_t>(got);
            length -= static_cast<std::size_t>(got);
        }
        return true;
    }

    // Reads up to `limit` + 1 bytes from the start: the file may have grown since fstat().
    std::string read_all(std::uintmax_t limit, bool& too_large) const {
        std::string out;
        char buffer[8192];
        too_large = false;
        for (;;) {
            const auto got = ::read(fd_, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            out.append(buffer, static_cast<std::size_t>(got));
            if (out.size() > limit) {
                too_large = true;
                break;
            }
        }
        return out;
    }

private:
    int fd_ = -1;
    std::uintmax_t size_ = 0;
    std::string problem_;
};

// "" when the table of `count` entries of `entry_size` bytes at `offset` fits in `size`.
std::string table_problem(const char* what, std::uintmax_t offset, std::uintmax_t count, std::uintmax_t entry_size,
                          std::uintmax_t size) {
    if (offset > size || count > (size - offset) / entry_size)
        return std::string("it is truncated: its ") + what + " (" + std::to_string(count) + " entries at byte " +
               std::to_string(offset) + ") ends past the end of the file (" + std::to_string(size) + " bytes)";
    return {};
}

std::string extent_problem(const std::string& what, std::uintmax_t offset, std::uintmax_t length,
                           std::uintmax_t size) {
    if (offset > size || length > size - offset)
        return "it is truncated: its " + what + " (bytes " + std::to_string(offset) + " to " +
               std::to_string(offset + length) + ") ends past the end of the file (" + std::to_string(size) +
               " bytes); dlopen() would map pages beyond the end of the file and crash the process";
    return {};
}

}  // namespace

std::string regular_file_problem(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return "it does not exist";
        return "it cannot be examined: " + errno_text(errno);
    }
    return type_problem(st);
}

std::string read_small_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                    std::string& contents) {
    RegularFile file(path, max_bytes);
    if (!file.problem().empty()) return file.problem();
    bool too_large = false;
    contents = file.read_all(max_bytes, too_large);
    if (too_large) return "it is larger than " + std::to_string(max_bytes) + " bytes";
    return {};
}

std::string shared_object_problem(const std::filesystem::path& path) {
    using Ehdr = ElfW(Ehdr);
    using Phdr = ElfW(Phdr);
    using Shdr = ElfW(Shdr);

    RegularFile file(path, max_library_bytes);
    if (!file.problem().empty()) return file.problem();
    const auto size = file.size();

    Ehdr header{};
    if (size < sizeof header || !file.read_at(0, &header, sizeof header))
        return "it is not an ELF shared object (file too short: " + std::to_string(size) + " bytes, an ELF header has " +
               std::to_string(sizeof header) + ")";
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
        return "it is not an ELF shared object (invalid ELF header: it does not start with \\x7fELF)";
    if (header.e_ident[EI_CLASS] != host_class)
        return std::string("it is a ") + (header.e_ident[EI_CLASS] == ELFCLASS32 ? "32-bit" : "64-bit") +
               " ELF file, or of an unknown class, but this process is " + (host_class == ELFCLASS64 ? "64" : "32") +
               "-bit";
    if (header.e_ident[EI_DATA] != host_data)
        return "its ELF byte order is not this machine's (EI_DATA " + std::to_string(header.e_ident[EI_DATA]) + ")";
    if (header.e_ident[EI_VERSION] != EV_CURRENT || header.e_version != EV_CURRENT)
        return "its ELF version is not EV_CURRENT";
    if (header.e_type != ET_DYN)
        return std::string("it is not a shared object (ELF type ") + std::to_string(header.e_type) +
               (header.e_type == ET_EXEC ? ", an executable" : header.e_type == ET_REL ? ", an object file" : "") + ")";
    if (host_machine != EM_NONE && header.e_machine != host_machine)
        return "it is built for another machine (ELF machine " + std::to_string(header.e_machine) +
               ", this process runs on " + std::to_string(host_machine) + ")";

    // Program headers and the bytes of every segment: what dlopen() maps.
    if (header.e_phentsize != sizeof(Phdr) || header.e_phnum == 0 || header.e_phnum == PN_XNUM)
        return "its program header table is malformed (entry size " + std::to_string(header.e_phentsize) +
               ", count " + std::to_string(header.e_phnum) + ")";
    if (auto p = table_problem("program header table", header.e_phoff, header.e_phnum, sizeof(Phdr), size); !p.empty())
        return p;
    std::vector<Phdr> segments(header.e_phnum);
    if (!file.read_at(header.e_phoff, segments.data(), segments.size() * sizeof(Phdr)))
        return "its program header table cannot be read";
    for (std::size_t i = 0; i < segments.size(); ++i)
        if (auto p = extent_problem("segment " + std::to_string(i), segments[i].p_offset, segments[i].p_filesz, size);
            !p.empty())
            return p;

    // Section headers: the linker writes them last, so a file cut by even one byte shows here.
    if (header.e_shoff == 0) return {};
    if (header.e_shentsize != sizeof(Shdr))
        return "its section header table is malformed (entry size " + std::to_string(header.e_shentsize) + ")";
    std::uintmax_t count = header.e_shnum;
    if (auto p = table_problem("section header table", header.e_shoff, count == 0 ? 1 : count, sizeof(Shdr), size);
        !p.empty())
        return p;
    Shdr first{};
    if (!file.read_at(header.e_shoff, &first, sizeof first)) return "its section header table cannot be read";
    if (count == 0) count = first.sh_size;  // more than SHN_LORESERVE sections: the count is here
    if (auto p = table_problem("section header table", header.e_shoff, count, sizeof(Shdr), size); !p.empty())
        return p;
    std::vector<Shdr> sections(count);
    if (!file.read_at(header.e_shoff, sections.data(), sections.size() * sizeof(Shdr)))
        return "its section header table cannot be read";
    for (std::size_t i = 0; i < sections.size(); ++i)
        if (sections[i].sh_type != SHT_NOBITS && sections[i].sh_type != SHT_NULL)
            if (auto p = extent_problem("section " + std::to_string(i), sections[i].sh_offset, sections[i].sh_size, size);
                !p.empty())
                return p;
    return {};
}

}  // namespace athanor::detail
