//! Pieces shared by every page.

pub mod copy;
pub mod feedback;
pub mod form;
pub mod icons;
pub mod language;
pub mod money;
pub mod nav;
pub mod toast;
pub mod upload;
