"""Orders out of the door: the courier's hand-over (交接) and shipments back to the platforms."""
