"""Views: content rendered per person, keyboards and their callback data, charts and exports."""
