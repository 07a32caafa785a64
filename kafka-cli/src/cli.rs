//! The command line: one struct per Java tool, with the flag names Kafka's documentation uses,
//! so that `kafka-topics.sh --bootstrap-server b:9092 --list` becomes
//! `kfk topics --bootstrap-server b:9092 --list`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Kafka's command-line tools as one binary, without a JVM.
#[derive(Debug, Parser)]
#[command(name = "kfk", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every subcommand takes (before or after its name).
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// The brokers to bootstrap from (`host:port[,host:port...]`).
    #[arg(long = "bootstrap-server", alias = "bootstrap-servers", global = true, env = "KAFKA_BOOTSTRAP_SERVERS")]
    pub bootstrap_server: Option<String>,
    /// A Java client properties file (security.protocol, ssl.*, sasl.*, client.id, timeouts...).
    #[arg(
        long = "command-config",
        aliases = ["producer.config", "consumer.config", "admin.config"],
        value_name = "FILE",
        global = true
    )]
    pub command_config: Option<PathBuf>,
    /// How tables are printed: as the Java tools print them, or JSON for scripts.
    #[arg(long, value_enum, global = true, default_value_t = Output::Text)]
    pub output: Output,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// The Java tools' lines and columns.
    Text,
    /// One JSON document (or one per line for streams).
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, describe, alter and delete topics (kafka-topics.sh).
    Topics(TopicsArgs),
    /// Describe and alter configs of topics, brokers and broker loggers (kafka-configs.sh).
    Configs(ConfigsArgs),
    /// Produce lines from standard input or a file (kafka-console-producer.sh).
    #[command(name = "console-producer")]
    ConsoleProducer(ProducerArgs),
    /// Print records (kafka-console-consumer.sh).
    #[command(name = "console-consumer")]
    ConsoleConsumer(ConsumerArgs),
    /// List, describe, reset and delete consumer groups (kafka-consumer-groups.sh).
    #[command(name = "consumer-groups")]
    ConsumerGroups(GroupsArgs),
    /// Delete records up to offsets given in a JSON file (kafka-delete-records.sh).
    #[command(name = "delete-records")]
    DeleteRecords(DeleteRecordsArgs),
    /// Earliest, latest or by-timestamp offsets of partitions (kafka-get-offsets.sh).
    #[command(name = "get-offsets")]
    GetOffsets(GetOffsetsArgs),
    /// Brokers, controller, topics and partition leaders (as `kcat -L` shows them).
    Metadata(MetadataArgs),
    /// The API versions each broker speaks (kafka-broker-api-versions.sh).
    #[command(name = "broker-api-versions")]
    BrokerApiVersions,
    /// Produce numbered records, printing a JSON event per acknowledgement (VerifiableProducer).
    #[command(name = "verifiable-producer")]
    VerifiableProducer(VerifiableProducerArgs),
    /// Consume in a group, printing JSON events for records, commits and rebalances
    /// (VerifiableConsumer).
    #[command(name = "verifiable-consumer")]
    VerifiableConsumer(VerifiableConsumerArgs),
    /// List, add and remove ACLs (kafka-acls.sh).
    Acls(AclsArgs),
    /// List and describe transactions, find hanging ones, abort one (kafka-transactions.sh).
    Transactions(TransactionsArgs),
    /// Produce as fast as asked and print Java's ProducerPerformance lines.
    #[command(name = "producer-perf-test")]
    ProducerPerfTest(ProducerPerfArgs),
    /// Consume and print Java's ConsumerPerformance summary.
    #[command(name = "consumer-perf-test")]
    ConsumerPerfTest(ConsumerPerfArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("action").required(true).args(["list", "add", "remove"])))]
pub struct AclsArgs {
    /// List ACLs (of the resources given, or all).
    #[arg(long)]
    pub list: bool,
    /// Add ACLs.
    #[arg(long)]
    pub add: bool,
    /// Remove ACLs.
    #[arg(long)]
    pub remove: bool,
    #[arg(long)]
    pub topic: Vec<String>,
    #[arg(long)]
    pub group: Vec<String>,
    #[arg(long = "transactional-id")]
    pub transactional_id: Vec<String>,
    /// The cluster resource.
    #[arg(long)]
    pub cluster: bool,
    /// `User:NAME` allowed.
    #[arg(long = "allow-principal")]
    pub allow_principal: Vec<String>,
    /// `User:NAME` denied.
    #[arg(long = "deny-principal")]
    pub deny_principal: Vec<String>,
    #[arg(long = "allow-host")]
    pub allow_host: Vec<String>,
    #[arg(long = "deny-host")]
    pub deny_host: Vec<String>,
    /// Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs,
    /// AlterConfigs, IdempotentWrite, All (repeatable).
    #[arg(long)]
    pub operation: Vec<String>,
    /// literal (default), prefixed; with --list also match or any (the default there).
    #[arg(long = "resource-pattern-type")]
    pub resource_pattern_type: Option<String>,
    /// With --list: only this principal's ACLs.
    #[arg(long)]
    pub principal: Vec<String>,
    /// Accepted for compatibility: kfk never prompts.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TransactionsArgs {
    #[command(subcommand)]
    pub command: TransactionsCommand,
}

#[derive(Debug, Subcommand)]
pub enum TransactionsCommand {
    /// Every transactional id the coordinators know, with its state.
    List,
    /// One transaction: state, timeout, start, partitions.
    Describe {
        #[arg(long = "transactional-id")]
        transactional_id: String,
    },
    /// The producers a partition's leader knows, with their open transactions.
    #[command(name = "describe-producers")]
    DescribeProducers {
        #[arg(long)]
        topic: String,
        #[arg(long)]
        partition: i32,
        /// Ask this broker (a follower) instead of the leader.
        #[arg(long = "broker-id")]
        broker_id: Option<i32>,
    },
    /// Transactions open for longer than --max-transaction-timeout on a broker or a topic.
    #[command(name = "find-hanging")]
    FindHanging {
        #[arg(long = "broker-id")]
        broker_id: Option<i32>,
        #[arg(long)]
        topic: Option<String>,
        /// Minutes (Java's default 15).
        #[arg(long = "max-transaction-timeout", default_value_t = 15, value_parser = minutes_to_ms)]
        max_transaction_timeout: i64,
    },
    /// Abort the open transaction that starts at --start-offset of a partition.
    Abort {
        #[arg(long)]
        topic: String,
        #[arg(long)]
        partition: i32,
        #[arg(long = "start-offset")]
        start_offset: i64,
    },
}

fn minutes_to_ms(s: &str) -> Result<i64, String> {
    s.parse::<i64>().map(|m| m * 60_000).map_err(|_| format!("`{s}` is not a number of minutes"))
}

#[derive(Debug, Args)]
pub struct ProducerPerfArgs {
    #[arg(long)]
    pub topic: String,
    /// How many records to send.
    #[arg(long = "num-records")]
    pub num_records: u64,
    /// Bytes per record value.
    #[arg(long = "record-size")]
    pub record_size: usize,
    /// Records per second (-1: as fast as possible).
    #[arg(long, allow_hyphen_values = true)]
    pub throughput: f64,
    /// Producer configs `name=value` (space-separated, as in Java).
    #[arg(long = "producer-props", num_args = 1.., value_name = "NAME=VALUE")]
    pub producer_props: Vec<String>,
    /// Produce in transactions of --transaction-duration-ms.
    #[arg(long = "transactional-id")]
    pub transactional_id: Option<String>,
    #[arg(long = "transaction-duration-ms", default_value_t = 3000)]
    pub transaction_duration_ms: u64,
}

#[derive(Debug, Args)]
pub struct ConsumerPerfArgs {
    #[arg(long)]
    pub topic: String,
    /// How many records to read.
    #[arg(long)]
    pub messages: u64,
    /// The group (a fresh one by default).
    #[arg(long)]
    pub group: Option<String>,
    /// Stop when no record arrives for this long (ms).
    #[arg(long, default_value_t = 10000)]
    pub timeout: u64,
    /// Start at the log end when the group has no offsets.
    #[arg(long = "from-latest")]
    pub from_latest: bool,
    /// Leave out the header line.
    #[arg(long = "hide-header")]
    pub hide_header: bool,
    /// A consumer config `name=value`.
    #[arg(long = "consumer-property", value_name = "NAME=VALUE")]
    pub consumer_property: Vec<String>,
}

#[derive(Debug, Args)]
pub struct VerifiableProducerArgs {
    #[arg(long)]
    pub topic: String,
    /// How many records (-1: until Ctrl-C).
    #[arg(long = "max-messages", default_value_t = -1, allow_hyphen_values = true)]
    pub max_messages: i64,
    /// Records per second (-1: as fast as possible).
    #[arg(long, default_value_t = -1, allow_hyphen_values = true)]
    pub throughput: i64,
    /// acks: -1/all, 0 or 1.
    #[arg(long, default_value = "-1", allow_hyphen_values = true)]
    pub acks: String,
    /// Values are `PREFIX.N` instead of `N`.
    #[arg(long = "value-prefix")]
    pub value_prefix: Option<String>,
    /// Keys cycle through 0..N (no keys without).
    #[arg(long = "repeating-keys")]
    pub repeating_keys: Option<u64>,
    /// The create time of the first record (ms); each next one is 1 ms later.
    #[arg(long = "message-create-time")]
    pub message_create_time: Option<i64>,
    /// A producer config `name=value`.
    #[arg(long = "producer-property", value_name = "NAME=VALUE")]
    pub producer_property: Vec<String>,
}

#[derive(Debug, Args)]
pub struct VerifiableConsumerArgs {
    #[arg(long)]
    pub topic: String,
    #[arg(long = "group-id", alias = "group")]
    pub group_id: String,
    /// How many records (-1: until Ctrl-C).
    #[arg(long = "max-messages", default_value_t = -1, allow_hyphen_values = true)]
    pub max_messages: i64,
    /// session.timeout.ms.
    #[arg(long = "session-timeout", default_value_t = 30000)]
    pub session_timeout: u64,
    /// Let the consumer commit on its own instead of after every poll.
    #[arg(long = "enable-autocommit")]
    pub enable_autocommit: bool,
    /// auto.offset.reset: earliest (default), latest or none.
    #[arg(long = "reset-policy", default_value = "earliest")]
    pub reset_policy: String,
    /// partition.assignment.strategy.
    #[arg(long = "assignment-strategy")]
    pub assignment_strategy: Option<String>,
    /// group.instance.id (static membership).
    #[arg(long = "group-instance-id")]
    pub group_instance_id: Option<String>,
    /// A `record_data` event per record.
    #[arg(long)]
    pub verbose: bool,
    /// A consumer config `name=value`.
    #[arg(long = "consumer-property", value_name = "NAME=VALUE")]
    pub consumer_property: Vec<String>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("action").required(true).args(["create", "list", "describe", "alter", "delete"])))]
pub struct TopicsArgs {
    /// Create a topic.
    #[arg(long)]
    pub create: bool,
    /// List topic names.
    #[arg(long)]
    pub list: bool,
    /// Describe topics: partition count, replication factor, configs, and per partition leader,
    /// replicas and ISR.
    #[arg(long)]
    pub describe: bool,
    /// Add partitions (with --partitions).
    #[arg(long)]
    pub alter: bool,
    /// Delete topics.
    #[arg(long)]
    pub delete: bool,
    /// The topic (for --list, --describe, --delete a regular expression as in Java).
    #[arg(long)]
    pub topic: Option<String>,
    /// The number of partitions (--create; --alter: the new total).
    #[arg(long)]
    pub partitions: Option<i32>,
    /// The replication factor (--create).
    #[arg(long = "replication-factor")]
    pub replication_factor: Option<i16>,
    /// A topic config `name=value` (--create; repeatable).
    #[arg(long = "config", value_name = "NAME=VALUE")]
    pub config: Vec<String>,
    /// With --create: succeed when the topic exists already.
    #[arg(long = "if-not-exists")]
    pub if_not_exists: bool,
    /// With --alter, --delete, --describe: succeed when the topic does not exist.
    #[arg(long = "if-exists")]
    pub if_exists: bool,
    /// Leave internal topics out of --list and --describe.
    #[arg(long = "exclude-internal")]
    pub exclude_internal: bool,
    /// With --describe: only partitions whose ISR is smaller than the replicas.
    #[arg(long = "under-replicated-partitions")]
    pub under_replicated: bool,
    /// With --describe: only partitions without a leader.
    #[arg(long = "unavailable-partitions")]
    pub unavailable: bool,
    /// With --describe: only partitions whose ISR is smaller than the topic's
    /// `min.insync.replicas` (or that have no leader).
    #[arg(long = "under-min-isr-partitions")]
    pub under_min_isr: bool,
    /// With --describe: only partitions whose ISR is exactly the topic's `min.insync.replicas`.
    #[arg(long = "at-min-isr-partitions")]
    pub at_min_isr: bool,
    /// With --describe: only the topic lines of topics with configs set on them (no partitions).
    #[arg(long = "topics-with-overrides")]
    pub topics_with_overrides: bool,
    /// With --describe: the topic by its id instead of --topic.
    #[arg(long = "topic-id", conflicts_with = "topic")]
    pub topic_id: Option<String>,
    /// The brokers of each partition's replicas, `0:1:2,1:2:0` (partitions by commas, brokers by
    /// colons; the first is the preferred leader). With --create instead of --partitions and
    /// --replication-factor; with --alter the whole assignment, of which the new partitions'
    /// part is used.
    #[arg(long = "replica-assignment", value_name = "B:B,B:B")]
    pub replica_assignment: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("action").required(true).args(["describe", "alter"])))]
pub struct ConfigsArgs {
    /// Describe configs.
    #[arg(long)]
    pub describe: bool,
    /// Alter configs (with --add-config and/or --delete-config).
    #[arg(long)]
    pub alter: bool,
    /// topics, brokers, broker-loggers, groups, client-metrics, users, clients or ips; users
    /// and clients together (each with its --entity-name) for a user's quotas on one client.
    #[arg(long = "entity-type")]
    pub entity_type: Vec<String>,
    /// The entity's name (one per --entity-type, in the same order).
    #[arg(long = "entity-name")]
    pub entity_name: Vec<String>,
    /// The default entity of the (last unnamed) --entity-type: brokers, users, clients, ips.
    #[arg(long = "entity-default")]
    pub entity_default: bool,
    /// Shorthand for --entity-type topics --entity-name NAME.
    #[arg(long)]
    pub topic: Option<String>,
    /// Shorthand for --entity-type brokers --entity-name ID.
    #[arg(long)]
    pub broker: Option<String>,
    /// Shorthand for --entity-type broker-loggers --entity-name ID.
    #[arg(long = "broker-logger")]
    pub broker_logger: Option<String>,
    /// `k1=v1,k2=[v1,v2]` to set.
    #[arg(long = "add-config")]
    pub add_config: Option<String>,
    /// A properties file of configs to set.
    #[arg(long = "add-config-file")]
    pub add_config_file: Option<PathBuf>,
    /// `k1,k2` to remove.
    #[arg(long = "delete-config")]
    pub delete_config: Option<String>,
    /// With --describe: every config, defaults included.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ProducerArgs {
    /// The topic to produce to.
    #[arg(long)]
    pub topic: String,
    /// Read lines from this file instead of standard input.
    #[arg(long = "input-file", alias = "file")]
    pub input_file: Option<PathBuf>,
    /// Reader properties: parse.key, key.separator, parse.headers, headers.delimiter,
    /// headers.separator, headers.key.separator, null.marker, ignore.error.
    #[arg(long = "property", alias = "reader-property", value_name = "NAME=VALUE")]
    pub property: Vec<String>,
    /// A producer config `name=value` (acks, linger.ms, compression.type, enable.idempotence...).
    #[arg(long = "producer-property", value_name = "NAME=VALUE")]
    pub producer_property: Vec<String>,
    /// acks: -1/all (default), 0 or 1.
    #[arg(long = "request-required-acks")]
    pub acks: Option<String>,
    /// none, gzip (the default when the flag has no value), snappy, lz4 or zstd.
    #[arg(long = "compression-codec", num_args = 0..=1, default_missing_value = "gzip")]
    pub compression_codec: Option<String>,
    /// linger.ms (Java's console producer defaults to 1000).
    #[arg(long = "timeout", value_name = "MS")]
    pub linger_ms: Option<u64>,
    /// batch.size.
    #[arg(long = "batch-size")]
    pub batch_size: Option<u64>,
    /// retries.
    #[arg(long = "message-send-max-retries")]
    pub retries: Option<u64>,
    /// retry.backoff.ms.
    #[arg(long = "retry-backoff-ms")]
    pub retry_backoff_ms: Option<u64>,
    /// request.timeout.ms.
    #[arg(long = "request-timeout-ms")]
    pub request_timeout_ms: Option<u64>,
    /// max.block.ms.
    #[arg(long = "max-block-ms")]
    pub max_block_ms: Option<u64>,
    /// buffer.memory.
    #[arg(long = "max-memory-bytes")]
    pub max_memory_bytes: Option<u64>,
    /// Wait for each record's acknowledgement before reading the next line.
    #[arg(long)]
    pub sync: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["topic", "include"])))]
pub struct ConsumerArgs {
    /// The topic to read.
    #[arg(long)]
    pub topic: Option<String>,
    /// The topics to read, as a regular expression (commas separate alternatives, the whole
    /// name must match, as Java's `--include`); topics created later that match are read too
    /// when consuming in a group.
    #[arg(long, conflicts_with_all = ["partition", "offset"])]
    pub include: Option<String>,
    /// Only this partition (then --offset may say where to start).
    #[arg(long)]
    pub partition: Option<i32>,
    /// Where to start in --partition: earliest, latest or an offset (negative: from the end).
    #[arg(long, allow_hyphen_values = true)]
    pub offset: Option<String>,
    /// Start at the earliest offset when there is no committed one.
    #[arg(long = "from-beginning")]
    pub from_beginning: bool,
    /// Consume in this consumer group (offsets committed on exit).
    #[arg(long)]
    pub group: Option<String>,
    /// Stop after this many records.
    #[arg(long = "max-messages")]
    pub max_messages: Option<u64>,
    /// Stop when no record arrives for this long.
    #[arg(long = "timeout-ms")]
    pub timeout_ms: Option<u64>,
    /// read_uncommitted (default) or read_committed.
    #[arg(long = "isolation-level")]
    pub isolation_level: Option<String>,
    /// Formatter properties: print.key, key.separator, print.value, print.timestamp,
    /// print.partition, print.offset, print.headers, headers.separator, line.separator,
    /// null.literal, key.deserializer, value.deserializer, headers.deserializer.
    #[arg(long = "property", alias = "formatter-property", value_name = "NAME=VALUE")]
    pub property: Vec<String>,
    /// A consumer config `name=value`.
    #[arg(long = "consumer-property", value_name = "NAME=VALUE")]
    pub consumer_property: Vec<String>,
    /// How keys are printed: one of Kafka's deserializers
    /// (`org.apache.kafka.common.serialization.IntegerDeserializer`...), as
    /// `--property key.deserializer=...`.
    #[arg(long = "key-deserializer", value_name = "CLASS")]
    pub key_deserializer: Option<String>,
    /// How values are printed (as --key-deserializer).
    #[arg(long = "value-deserializer", value_name = "CLASS")]
    pub value_deserializer: Option<String>,
    /// A record the formatter cannot print (its deserializer refuses the bytes) is reported on
    /// standard error and skipped, instead of stopping the consumer.
    #[arg(long = "skip-message-on-error")]
    pub skip_message_on_error: bool,
    /// How records are printed: Java's DefaultMessageFormatter, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = Format::Default)]
    pub format: Format,
    /// A kcat-style format string (%t topic, %p partition, %o offset, %k key, %s value, %T
    /// timestamp, %h headers, %K/%S lengths, \n \t); overrides --format.
    #[arg(long = "format-string", value_name = "FMT")]
    pub format_string: Option<String>,
}

/// How the console consumer prints records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Java's DefaultMessageFormatter with the --property settings.
    Default,
    /// One JSON object per record.
    Json,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("action").required(true).args(["list", "describe", "reset_offsets", "delete", "delete_offsets"])))]
pub struct GroupsArgs {
    /// List groups.
    #[arg(long)]
    pub list: bool,
    /// Describe groups: offsets and lag per partition (or --members, --state).
    #[arg(long)]
    pub describe: bool,
    /// Reset committed offsets (with one --to-* or --shift-by, and --dry-run or --execute).
    #[arg(long = "reset-offsets")]
    pub reset_offsets: bool,
    /// Delete groups.
    #[arg(long)]
    pub delete: bool,
    /// Delete a group's committed offsets of --topic.
    #[arg(long = "delete-offsets")]
    pub delete_offsets: bool,
    /// The group (repeatable).
    #[arg(long)]
    pub group: Vec<String>,
    /// Every group.
    #[arg(long = "all-groups")]
    pub all_groups: bool,
    /// --describe: the members; --list: a filter.
    #[arg(long)]
    pub members: bool,
    /// --describe: the group's state; --list: the state column, or only groups in these states
    /// (comma-separated).
    #[arg(long, num_args = 0..=1, default_missing_value = "")]
    pub state: Option<String>,
    /// --describe --members: the partitions of each member.
    #[arg(long)]
    pub verbose: bool,
    /// --describe --offsets (the default view).
    #[arg(long)]
    pub offsets: bool,
    /// The topic (`topic` or `topic:0,1,2`; repeatable) for --reset-offsets and --delete-offsets.
    #[arg(long)]
    pub topic: Vec<String>,
    /// --reset-offsets: every topic the group committed offsets for.
    #[arg(long = "all-topics")]
    pub all_topics: bool,
    #[arg(long = "to-earliest")]
    pub to_earliest: bool,
    #[arg(long = "to-latest")]
    pub to_latest: bool,
    #[arg(long = "to-current")]
    pub to_current: bool,
    #[arg(long = "to-offset", allow_hyphen_values = true)]
    pub to_offset: Option<i64>,
    #[arg(long = "shift-by", allow_hyphen_values = true)]
    pub shift_by: Option<i64>,
    /// `YYYY-MM-DDTHH:mm:SS.sss`, optionally with a zone (`Z`, `+01:00`); local time without.
    #[arg(long = "to-datetime")]
    pub to_datetime: Option<String>,
    /// An ISO-8601 duration back from now (`PT1H`, `P1DT2H30M`); `-` in front for the future.
    #[arg(long = "by-duration", allow_hyphen_values = true)]
    pub by_duration: Option<String>,
    /// Show the new offsets without committing them (the default).
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// Commit the new offsets.
    #[arg(long)]
    pub execute: bool,
    /// With --reset-offsets: print the plan as CSV (`topic,partition,offset`; with several
    /// groups `group,topic,partition,offset`), the form --from-file reads.
    #[arg(long)]
    pub export: bool,
    /// With --reset-offsets: the new offsets from a CSV file as --export writes it (lines of
    /// `topic,partition,offset` apply to every group given; `group,topic,partition,offset` to
    /// the group named).
    #[arg(long = "from-file", value_name = "FILE")]
    pub from_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DeleteRecordsArgs {
    /// `{"partitions":[{"topic":"t","partition":0,"offset":10}],"version":1}`.
    #[arg(long = "offset-json-file")]
    pub offset_json_file: PathBuf,
}

#[derive(Debug, Args)]
pub struct GetOffsetsArgs {
    /// The topic (a regular expression; all topics when absent).
    #[arg(long)]
    pub topic: Option<String>,
    /// Partitions: `0,1,3-5`.
    #[arg(long)]
    pub partitions: Option<String>,
    /// `-1`/latest (default), `-2`/earliest, `-3`/max-timestamp, or a timestamp in ms.
    #[arg(long, allow_hyphen_values = true)]
    pub time: Option<String>,
    /// Include internal topics.
    #[arg(long = "exclude-internal-topics")]
    pub exclude_internal_topics: bool,
}

#[derive(Debug, Args)]
pub struct MetadataArgs {
    /// Only this topic.
    #[arg(long)]
    pub topic: Option<String>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_command_from_kafkas_documentation_parses_as_it_is() {
        let cli = Cli::try_parse_from([
            "kfk",
            "topics",
            "--bootstrap-server",
            "localhost:9092",
            "--create",
            "--topic",
            "quickstart-events",
            "--partitions",
            "3",
            "--replication-factor",
            "1",
            "--config",
            "retention.ms=1000",
        ])
        .expect("parses");
        assert_eq!(cli.global.bootstrap_server.as_deref(), Some("localhost:9092"));
        let Command::Topics(t) = cli.command else { panic!("topics") };
        assert!(t.create);
        assert_eq!((t.partitions, t.replication_factor), (Some(3), Some(1)));
        assert!(Cli::try_parse_from(["kfk", "topics", "--list", "--describe"]).is_err(), "one action only");
        let cli = Cli::try_parse_from([
            "kfk",
            "console-consumer",
            "--topic",
            "t",
            "--consumer.config",
            "c.properties",
            "--formatter-property",
            "print.key=true",
        ])
        .expect("Java's older names parse");
        assert!(cli.global.command_config.is_some());
    }
}
