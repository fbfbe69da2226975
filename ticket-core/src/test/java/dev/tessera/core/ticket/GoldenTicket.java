package dev.tessera.core.ticket;

/** The builder's default ticket signed with the RFC 8032 test-1 key; docs/ticket-format.md walks through it. */
final class GoldenTicket {

    static final String HEX =
            "544b01016f1c2b0e8a344c1d9b7e2f5a0c3d4e5f000100000000000012676a45"
            + "47906a45a2f8001312d04a505906412d31322d37054341542d53056e6f727468"
            + "0704a1b2c3d4e5f6020d48616e616b6f2059616d6164610d4ac3bc7267656e20"
            + "576569c39f21fe31dfa154a261fb806bde1cc75d77bdb8bf0949c6dc62a8b910"
            + "906d0080f31e4d3dd1f4b83d0faa382d6b686bde9130b60298e18873455d799f"
            + "e079e2cb5c96d2e051b154e10e";

    private GoldenTicket() {
    }
}
