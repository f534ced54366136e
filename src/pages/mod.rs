//! One module per area; each page is a component named after what it shows.

pub mod account;
pub mod auth;
pub mod home;
pub mod inbox;
pub mod kitties;
pub mod merchant;
pub mod not_found;
pub mod ramp;
