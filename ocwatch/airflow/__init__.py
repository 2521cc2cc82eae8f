"""Airflow glue: what the DAG files in dags/ call, so that each DAG file only wires tasks."""
