// athanor/export.hpp — symbol visibility for libathanor.
//
// libathanor and every plugin are built with hidden visibility; ATHANOR_API marks what
// libathanor exports. Polymorphic types shared with plugins (SPI interfaces, exceptions)
// carry it so their vtables and type_info live once, in libathanor, and outlive any plugin.
#pragma once

#define ATHANOR_API __attribute__((visibility("default")))
