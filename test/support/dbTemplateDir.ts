// The variable naming this test run's directory of seeded database templates (globalSetup.ts sets it).
export const TEMPLATE_DIR_ENV = "HALLWATCH_TEST_DB_TEMPLATES";
