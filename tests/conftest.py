from hypothesis import HealthCheck, settings

# These machines are shared and timings drift: judge properties by their outcome, not speed.
settings.register_profile("bench", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("bench")
