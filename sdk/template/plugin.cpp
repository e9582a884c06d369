// The plugin's entry point: the factory the registry calls once per Engine, with the URL's
// driver ("" for template://, "echo" for template+echo://). Exactly one source file of a
// plugin uses ATHANOR_DIALECT_PLUGIN.
#include "template_dialect.hpp"

#include <athanor/sdk/plugin.hpp>

#include <memory>
#include <string>

namespace {

std::unique_ptr<athanor::sdk::Dialect> make_dialect(const std::string& driver) {
    if (!driver.empty() && driver != "echo")
        throw athanor::ArgumentError("the template dialect has no driver named '" + driver + "' (it has: echo)");
    return std::make_unique<template_dialect::TemplateDialect>();
}

}  // namespace

ATHANOR_DIALECT_PLUGIN(make_dialect)
