// Objects of the sample databases that TiDB cannot hold (TiDB's MySQL-compatibility page, "Unsupported features":
// stored procedures and functions, triggers, events): a trigger, a procedure, a function and an event, in databases
// the demo filter selects. The spatial column and the FULLTEXT index are in the table definitions
// (sample-tables.ts). None of them changes a row: the trigger sets a column to its own value and the event is
// disabled, so replication tests still compare the source and the target exactly.

/** The statements that create them (after the tables; without trailing `;`). */
export const SAMPLE_OBJECT_STATEMENTS: readonly string[] = [
  `CREATE TRIGGER \`crm\`.\`contacts_keep_name\` BEFORE INSERT ON \`crm\`.\`contacts\`
     FOR EACH ROW SET NEW.full_name = NEW.full_name`,
  `CREATE PROCEDURE \`shop\`.\`refresh_order_totals\`()
     READS SQL DATA
     SELECT COUNT(*) AS orders, SUM(total) AS total FROM \`shop\`.\`orders\``,
  `CREATE FUNCTION \`analytics\`.\`week_of\`(d DATE) RETURNS INT
     DETERMINISTIC NO SQL
     RETURN TO_DAYS(d) DIV 7`,
  `CREATE EVENT \`crm\`.\`purge_import_tmp\`
     ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'
     DISABLE
     DO DELETE FROM \`crm\`.\`import_tmp\` WHERE id < 0`
]

/** The objects by kind and name, as the README lists them. */
export const SAMPLE_OBJECTS: readonly { readonly kind: string; readonly name: string }[] = [
  { kind: 'trigger', name: 'crm.contacts_keep_name (BEFORE INSERT on crm.contacts)' },
  { kind: 'procedure', name: 'shop.refresh_order_totals' },
  { kind: 'function', name: 'analytics.week_of' },
  { kind: 'event', name: 'crm.purge_import_tmp (disabled)' }
]
