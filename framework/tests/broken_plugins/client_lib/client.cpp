// A stand-in for a database vendor's client library; see client_plugin.cpp.
extern "C" __attribute__((visibility("default"))) int athanor_test_client_version() {
    return 7;
}
