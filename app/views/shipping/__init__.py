"""Orders out of the door: the courier's hand-over page and the platform's shipment export."""
