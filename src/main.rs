fn main() {
    leptos::mount::mount_to_body(parcours::ui::app::App);
}
