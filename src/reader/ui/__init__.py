"""The Qt window. Thin: it shows state and forwards intents to reader.core.service."""
