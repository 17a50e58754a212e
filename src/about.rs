//! What a build is: its version, the commit it was built from and its licence, said the same
//! way by Help ▸ About and `concord --version`.

/// The version in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit the build was made from ("unknown" outside a git checkout).
pub const COMMIT: &str = env!("CONCORD_COMMIT");

/// The licence the code is offered under.
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");

/// The version line of `concord --version` and the About window: "0.1.0 (commit 1a2b3c4d5e)".
pub const VERSION_LINE: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("CONCORD_COMMIT"),
    ")"
);
