//! The frame around the views: the menus and toolbar, shortcuts, themes and fonts, the
//! start-up, pictures of the window, and keeping the native window in step with the state.

pub mod fonts;
pub mod frame_bench;
pub mod menu;
pub mod screenshot;
pub mod shortcuts;
pub mod start;
pub mod sync;
pub mod theme;

pub use sync::WindowSync;
