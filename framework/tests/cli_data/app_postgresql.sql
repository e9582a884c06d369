CREATE TABLE cli_ddl_users (
	id SERIAL,
	name VARCHAR(50) NOT NULL,
	active BOOLEAN DEFAULT TRUE,
	born DATE,
	PRIMARY KEY (id),
	UNIQUE (name)
);
CREATE TABLE cli_ddl_addresses (
	id SERIAL,
	user_id INTEGER NOT NULL,
	email VARCHAR(100) NOT NULL,
	score NUMERIC(10, 2),
	PRIMARY KEY (id),
	FOREIGN KEY(user_id) REFERENCES cli_ddl_users (id) ON DELETE CASCADE,
	CONSTRAINT ck_email CHECK (length(email) > 3)
);
CREATE INDEX ix_cli_ddl_addresses_email ON cli_ddl_addresses (email);
