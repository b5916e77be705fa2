"""Reports: JSON (schema parallax/1), HTML, Markdown, CSV; PDF via reader.ui.pdf."""
