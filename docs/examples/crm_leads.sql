-- A CRM leads table as the source system defines it (PostgreSQL), for the onboarding example
-- in the README: npx nx g spec:table --system=crm --table=leads --ddl=docs/examples/crm_leads.sql
CREATE TABLE leads (
  lead_id BIGINT NOT NULL PRIMARY KEY,
  email VARCHAR(320),
  phone VARCHAR(40),
  company TEXT,
  source VARCHAR(32) NOT NULL,
  score INTEGER,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
