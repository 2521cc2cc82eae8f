"""docker/compose.yaml: valid against the Compose Specification, and shaped for scaling workers.

The schema is the Compose Specification's JSON schema as shipped in the PyPI
package docker-compose 1.29.2 (tests/fixtures/compose/README.md), so the check
runs offline without a Docker engine.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
COMPOSE = PROJECT_ROOT / "docker" / "compose.yaml"
SCHEMA = Path(__file__).resolve().parent / "fixtures" / "compose" / "compose_spec.json"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_file_is_valid_against_the_compose_specification(compose: dict) -> None:
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    errors = sorted(validator(schema).iter_errors(compose), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_schema_catches_a_broken_compose_file(compose: dict) -> None:
    schema = json.loads(SCHEMA.read_text())
    broken = {**compose, "services": {**compose["services"], "redis": {"image": 7, "restart": ["no"]}}}
    validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    assert list(validator(schema).iter_errors(broken))


def test_compose_runs_airflow_with_celery_postgres_and_redis(compose: dict) -> None:
    services = compose["services"]
    assert {"postgres", "redis", "airflow-init", "airflow-apiserver", "airflow-scheduler",
            "airflow-dag-processor", "airflow-triggerer", "airflow-worker"} <= set(services)
    env = services["airflow-worker"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://")
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
    assert "warehouse_writer 1" in services["airflow-init"]["command"][0]


def test_workers_can_be_scaled_and_share_the_data_volume(compose: dict) -> None:
    worker = compose["services"]["airflow-worker"]
    # A fixed name or host port would stop `--scale airflow-worker=N` from starting N copies.
    assert "container_name" not in worker and "ports" not in worker
    assert "ocwatch-data:/data" in worker["volumes"]
    assert worker["environment"]["OCWATCH_HOME"].endswith("/data}")
    assert "ocwatch-data" in compose["volumes"]


def test_compose_file_holds_no_secrets(compose: dict) -> None:
    text = COMPOSE.read_text()
    for var in ("POSTGRES_PASSWORD", "REDIS_PASSWORD", "AIRFLOW_JWT_SECRET", "AIRFLOW_API_SECRET_KEY"):
        assert f"${{{var}:?" in text  # required from the environment, never written here
    assert "COMTRADE_API_KEY" not in text  # the key lives in the comtrade_default connection
