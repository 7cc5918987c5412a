//! The shared folder of a team (issue 15): the library's door to it (first
//! load: one button or one line), the folder's section of the library and
//! the open map's banner, which watches its file (lazy parts, in the merge
//! chunk: they run the merge, and a new chunk of their own would cut the
//! code they share with the editor into more pieces on the map path).

pub mod folder_banner;
pub mod folder_door;
pub mod folder_section;
pub mod shared_folder;
