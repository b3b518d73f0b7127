// Browser tests run under Mocha in Web Test Runner, which puts describe/it/before/after on
// window. Unit tests import describe/it from Vitest explicitly, and those imports shadow these.
/// <reference types="mocha" />
