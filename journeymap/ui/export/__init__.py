"""Image exports (PNG, SVG, PDF, clipboard) drawn by the same scene as the canvas."""
