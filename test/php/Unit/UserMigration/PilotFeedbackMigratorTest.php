<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\UserMigration;

use OCA\PilotFeedback\Db\ItemWordMapper;
use OCA\PilotFeedback\Db\TransactionRunner;
use OCA\PilotFeedback\Item\CommentService;
use OCA\PilotFeedback\Item\ItemMonthTotals;
use OCA\PilotFeedback\Item\RankingWeights;
use OCA\PilotFeedback\Rating\AssessmentPilotAssigner;
use OCA\PilotFeedback\Rating\MonthlyTotals;
use OCA\PilotFeedback\Rating\RatingContribution;
use OCA\PilotFeedback\UserMigration\PilotFeedbackMigrator;
use OCA\PilotFeedback\UserMigration\UserRecordsExporter;
use OCA\PilotFeedback\UserMigration\UserRecordsImporter;
use OCA\PilotFeedback\UserMigration\UserRecordsMapper;
use OCP\Comments\IComment;
use OCP\Comments\ICommentsManager;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\Files\NotFoundException;
use OCP\IL10N;
use OCP\IUser;
use OCP\UserMigration\UserMigrationException;
use PHPUnit\Framework\MockObject\MockObject;
use PHPUnit\Framework\TestCase;
use Symfony\Component\Console\Output\OutputInterface;

/**
 * A tester's records go through the user migration's interfaces (an export archive in a
 * temporary folder, DirectoryExportDestination and DirectoryImportSource) and come back for
 * the account they are imported into: items (with their own history and duplicates), ratings
 * with their scores, supports, comments and report records. The database is a stand-in
 * (UserRecordsMapper over arrays), each "server" a set of tables.
 *
 * Server A: pilot 1 "PoC 1"; components 10 "E-Akte" and 11 "Chat"; criteria 20 "Usability"
 * and 21 "Stability"; organisation 30 "RKI"; period 40 "2026-11". The tester filed items 100
 * and 101 (a duplicate of 100), rated E-Akte, supports and commented on item 200 of "other".
 */
final class PilotFeedbackMigratorTest extends TestCase {
	/** @var array<string, array<int, array<string, mixed>>> the tables of the server in use, rows by id */
	private array $tables = [];
	/** @var list<array{id: int, actor: string, itemId: int, message: string, createdAt: int}> Nextcloud's comments on items */
	private array $comments = [];
	/** @var list<int> items whose title words were stored */
	private array $indexed = [];
	/** @var list<int> items whose supporters were recounted */
	private array $recounted = [];
	/** @var array<string, int> files in the users' Files: "user/path" => file id */
	private array $files = [];
	private string $archive;
	private PilotFeedbackMigrator $migrator;
	private MonthlyTotals&MockObject $totals;

	public static function setUpBeforeClass(): void {
		// Symfony's console (the migrator's output interface) and OC\Hooks\Emitter (IRootFolder)
		// come from the server that the unit bootstrap reads OCP from.
		$server = dirname((string)(new \ReflectionClass(IUser::class))->getFileName(), 3);
		spl_autoload_register(static function (string $class) use ($server): void {
			$prefix = 'Symfony\\Component\\Console\\';
			if (str_starts_with($class, $prefix)) {
				$file = $server . '/3rdparty/symfony/console/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
				if (is_file($file)) {
					require_once $file;
				}
			}
		});
		if (!interface_exists('OC\\Hooks\\Emitter')) {
			require_once $server . '/lib/private/Hooks/Emitter.php';
		}
	}

	protected function setUp(): void {
		$this->archive = sys_get_temp_dir() . '/pf-migration-' . bin2hex(random_bytes(6));
		$this->tables = self::serverA();
		$this->comments = [
			['id' => 1, 'actor' => 'tester', 'itemId' => 200, 'message' => 'Me too, every morning.', 'createdAt' => 1_790_000_100],
			['id' => 2, 'actor' => 'tester', 'itemId' => 100, 'message' => 'Steps: upload 2 GB.', 'createdAt' => 1_790_000_200],
			['id' => 3, 'actor' => 'other', 'itemId' => 100, 'message' => 'Not for me.', 'createdAt' => 1_790_000_300],
		];
		$this->files = ['newcomer/Pilot Feedback/Reports/2026-11/Monthly status report - 2026-11.odt' => 777];

		$mapper = $this->mapper();
		$this->totals = $this->createMock(MonthlyTotals::class);
		$words = $this->createMock(ItemWordMapper::class);
		$words->method('insert')->willReturnCallback(function (int $itemId): void {
			$this->indexed[] = $itemId;
		});
		// RankingWeights::refresh recounts the supporters of the items around each touched one
		$weights = $this->createMock(RankingWeights::class);
		$weights->method('around')->willReturnCallback(static fn (int $itemId): array => [$itemId]);
		$weights->method('refresh')->willReturnCallback(function (array $itemIds): void {
			foreach ($itemIds as $itemId) {
				$this->recounted[] = $itemId;
				$this->tables['pf_items'][$itemId]['support_count'] = count(array_filter($this->tables['pf_supporters'], static fn (array $s): bool => (int)$s['item_id'] === $itemId));
			}
		});
		$transactions = $this->createMock(TransactionRunner::class);
		$transactions->method('run')->willReturnCallback(static fn (callable $work): mixed => $work());
		$l = $this->createMock(IL10N::class);
		$l->method('t')->willReturnCallback(static fn (string $text, array|string $p = []): string => vsprintf($text, (array)$p));
		$importer = new UserRecordsImporter($mapper, $words, $this->commentsManager(), $this->rootFolder(), $transactions, $this->createMock(AssessmentPilotAssigner::class), $this->totals, $weights, $this->createMock(ItemMonthTotals::class));
		$this->migrator = new PilotFeedbackMigrator(new UserRecordsExporter($mapper), $importer, $mapper, $l);
	}

	protected function tearDown(): void {
		foreach (glob($this->archive . '/{,*/}*', GLOB_BRACE) ?: [] as $path) {
			is_file($path) && unlink($path);
		}
		foreach ([$this->archive . '/pilotfeedback', $this->archive] as $dir) {
			is_dir($dir) && rmdir($dir);
		}
	}

	/** @return array<string, array<int, array<string, mixed>>> server A, as its database answers (numbers as strings) */
	private static function serverA(): array {
		return [
			'pf_pilots' => [1 => ['id' => '1', 'title' => 'PoC 1']],
			'pf_components' => [10 => ['id' => '10', 'name' => 'E-Akte'], 11 => ['id' => '11', 'name' => 'Chat']],
			'pf_criteria' => [20 => ['id' => '20', 'name' => 'Usability'], 21 => ['id' => '21', 'name' => 'Stability']],
			'pf_orgs' => [30 => ['id' => '30', 'short_name' => 'RKI']],
			'pf_periods' => [40 => ['id' => '40', 'month' => '2026-11']],
			'pf_items' => [
				100 => self::item(100, 'tester', 'Upload stalls', 1_790_000_000, null),
				101 => self::item(101, 'tester', 'Upload hangs', 1_790_000_050, '100'),
				200 => self::item(200, 'other', 'Chat freezes', 1_780_000_000, null),
			],
			'pf_history' => [
				1 => ['id' => '1', 'item_id' => '100', 'user_id' => 'tester', 'field' => 'created', 'old_value' => null, 'new_value' => null, 'created_at' => '1790000000'],
				2 => ['id' => '2', 'item_id' => '100', 'user_id' => 'bmi', 'field' => 'status', 'old_value' => 'new', 'new_value' => 'in_review', 'created_at' => '1790000500'],
				3 => ['id' => '3', 'item_id' => '200', 'user_id' => 'tester', 'field' => 'supported', 'old_value' => null, 'new_value' => null, 'created_at' => '1790000100'],
			],
			'pf_assessments' => [
				50 => ['id' => '50', 'user_id' => 'tester', 'org_id' => '30', 'pilot_id' => '1', 'component_id' => '10', 'period_id' => '40', 'overall' => '4', 'comment' => 'Works well', 'rated' => '1', 'version' => '3', 'created_at' => '1790000000', 'updated_at' => '1790000900'],
				51 => ['id' => '51', 'user_id' => 'other', 'org_id' => '30', 'pilot_id' => '1', 'component_id' => '10', 'period_id' => '40', 'overall' => '1', 'comment' => 'Not mine', 'rated' => '1', 'version' => '1', 'created_at' => '1790000000', 'updated_at' => '1790000000'],
			],
			'pf_scores' => [
				1 => ['id' => '1', 'assessment_id' => '50', 'criterion_id' => '20', 'score' => '5'],
				2 => ['id' => '2', 'assessment_id' => '50', 'criterion_id' => '21', 'score' => null],
				3 => ['id' => '3', 'assessment_id' => '51', 'criterion_id' => '20', 'score' => '1'],
			],
			'pf_supporters' => [
				1 => ['id' => '1', 'item_id' => '200', 'user_id' => 'tester', 'org_id' => '30', 'merged_from' => null, 'created_at' => '1790000100'],
				2 => ['id' => '2', 'item_id' => '100', 'user_id' => 'other', 'org_id' => '30', 'merged_from' => null, 'created_at' => '1790000400'],
			],
			'pf_reports' => [
				1 => ['id' => '1', 'type' => 'monthly', 'pilot_id' => '1', 'org_id' => null, 'period' => '2026-11', 'format' => 'odt', 'language' => 'de', 'pseudonymised' => '1', 'origin' => 'request',
					'requested_by' => 'tester', 'folder' => 'Pilot Feedback/Reports', 'status' => 'done', 'error' => null, 'file_id' => '412', 'file_name' => 'Monthly status report - 2026-11.odt', 'created_at' => '1790001000', 'finished_at' => '1790001010'],
				2 => ['id' => '2', 'type' => 'export', 'pilot_id' => null, 'org_id' => '30', 'period' => '2026-Q4', 'format' => 'csv', 'language' => 'de', 'pseudonymised' => '1', 'origin' => 'request',
					'requested_by' => 'tester', 'folder' => 'Pilot Feedback/Reports', 'status' => 'queued', 'error' => null, 'file_id' => null, 'file_name' => null, 'created_at' => '1790002000', 'finished_at' => null],
			],
		];
	}

	/** @return array<string, mixed> */
	private static function item(int $id, string $reporter, string $title, int $createdAt, ?string $duplicateOf): array {
		return ['id' => (string)$id, 'type' => 'defect', 'title' => $title, 'body' => 'Body of ' . $title, 'component_id' => '10', 'pilot_id' => '1', 'priority' => '3', 'cons_priority' => null,
			'status' => $duplicateOf === null ? 'in_review' : 'duplicate', 'reporter_id' => $reporter, 'org_id' => '30', 'confidential' => '0', 'duplicate_of' => $duplicateOf,
			'vendor_ref' => null, 'vendor_url' => null, 'version' => '4', 'support_count' => '1', 'created_at' => (string)$createdAt, 'updated_at' => (string)($createdAt + 60)];
	}

	/** A stand-in of the mapper that reads and writes $this->tables. */
	private function mapper(): UserRecordsMapper {
		$matches = static function (array $row, array $where): bool {
			foreach ($where as $column => $value) {
				$actual = $row[$column] ?? null;
				if ($value === null ? $actual !== null : ($actual === null || (string)$actual !== (string)(is_bool($value) ? (int)$value : $value))) {
					return false;
				}
			}
			return true;
		};
		$mapper = $this->createMock(UserRecordsMapper::class);
		$mapper->method('rows')->willReturnCallback(fn (string $table, string $column, string $value): array => array_values(array_filter($this->tables[$table] ?? [], static fn (array $row): bool => (string)($row[$column] ?? '') === $value)));
		$mapper->method('rowsIn')->willReturnCallback(fn (string $table, string $column, array $ids): array => array_values(array_filter($this->tables[$table] ?? [], static fn (array $row): bool => in_array((int)($row[$column] ?? 0), $ids, true))));
		$mapper->method('count')->willReturnCallback(fn (string $table, string $column, string $value): int => count(array_filter($this->tables[$table] ?? [], static fn (array $row): bool => (string)($row[$column] ?? '') === $value)));
		$mapper->method('comments')->willReturnCallback(fn (string $userId): array => array_values(array_map(
			static fn (array $c): array => ['itemId' => $c['itemId'], 'message' => $c['message'], 'createdAt' => $c['createdAt']],
			array_filter($this->comments, static fn (array $c): bool => $c['actor'] === $userId),
		)));
		$mapper->method('keysOf')->willReturnCallback(function (string $kind, array $ids): array {
			[$table, $column] = UserRecordsMapper::CATALOGUE[$kind];
			$keys = [];
			foreach ($this->tables[$table] ?? [] as $id => $row) {
				if (in_array($id, $ids, true)) {
					$keys[$id] = (string)$row[$column];
				}
			}
			return $keys;
		});
		$mapper->method('idsByKey')->willReturnCallback(function (string $kind, array $keys): array {
			[$table, $column] = UserRecordsMapper::CATALOGUE[$kind];
			$ids = [];
			foreach ($this->tables[$table] ?? [] as $id => $row) {
				if (in_array($row[$column], $keys, true)) {
					$ids[(string)$row[$column]] ??= $id;
				}
			}
			return $ids;
		});
		$mapper->method('fingerprints')->willReturnCallback(function (array $ids): array {
			$fingerprints = [];
			foreach ($ids as $id) {
				$row = $this->tables['pf_items'][$id] ?? null;
				if ($row !== null) {
					$fingerprints[$id] = UserRecordsMapper::fingerprint((string)$row['title'], (int)$row['created_at']);
				}
			}
			return $fingerprints;
		});
		$mapper->method('findId')->willReturnCallback(function (string $table, array $where) use ($matches): ?int {
			foreach ($this->tables[$table] ?? [] as $id => $row) {
				if ($matches($row, $where)) {
					return $id;
				}
			}
			return null;
		});
		$mapper->method('insert')->willReturnCallback(function (string $table, array $values): int {
			$id = max([0, ...array_keys($this->tables[$table] ?? [])]) + 1000;
			$this->tables[$table][$id] = ['id' => $id, ...$values];
			return $id;
		});
		$mapper->method('update')->willReturnCallback(function (string $table, int $id, array $values): void {
			$this->tables[$table][$id] = [...$this->tables[$table][$id], ...$values];
		});
		return $mapper;
	}

	private function commentsManager(): ICommentsManager {
		$manager = $this->createMock(ICommentsManager::class);
		$manager->method('getForObject')->willReturnCallback(function (string $type, string $id): array {
			self::assertSame(CommentService::OBJECT_TYPE, $type);
			return array_map(fn (array $c): IComment => $this->createConfiguredMock(IComment::class, [
				'getActorType' => 'users', 'getActorId' => $c['actor'], 'getMessage' => $c['message'], 'getCreationDateTime' => new \DateTime('@' . $c['createdAt']),
			]), array_values(array_filter($this->comments, static fn (array $c): bool => (string)$c['itemId'] === $id)));
		});
		$manager->method('create')->willReturnCallback(function (string $actorType, string $actorId, string $objectType, string $objectId): IComment {
			self::assertSame(['users', CommentService::OBJECT_TYPE], [$actorType, $objectType]);
			$values = new \ArrayObject(['actor' => $actorId, 'itemId' => (int)$objectId]);
			$comment = $this->createMock(IComment::class);
			$comment->method('setMessage')->willReturnCallback(static function (string $message) use ($comment, $values): IComment {
				$values['message'] = $message;
				return $comment;
			});
			$comment->method('setVerb')->willReturnSelf();
			$comment->method('setCreationDateTime')->willReturnCallback(static function (\DateTime $time) use ($comment, $values): IComment {
				$values['createdAt'] = $time->getTimestamp();
				return $comment;
			});
			$comment->method('getId')->willReturnCallback(static fn (): string => (string)spl_object_id($values));
			$this->pendingComments[spl_object_id($comment)] = $values;
			return $comment;
		});
		$manager->method('save')->willReturnCallback(function (IComment $comment): bool {
			$values = $this->pendingComments[spl_object_id($comment)];
			$this->comments[] = ['id' => count($this->comments) + 1, 'actor' => (string)$values['actor'], 'itemId' => (int)$values['itemId'], 'message' => (string)$values['message'], 'createdAt' => (int)$values['createdAt']];
			return true;
		});
		return $manager;
	}

	/** @var array<int, \ArrayObject<string, mixed>> comments created and not yet saved */
	private array $pendingComments = [];

	private function rootFolder(): IRootFolder {
		$root = $this->createMock(IRootFolder::class);
		$root->method('getUserFolder')->willReturnCallback(function (string $userId): Folder {
			$folder = $this->createMock(Folder::class);
			$folder->method('get')->willReturnCallback(fn (string $path): File => isset($this->files[$userId . '/' . $path])
				? $this->createConfiguredMock(File::class, ['getId' => $this->files[$userId . '/' . $path]])
				: throw new NotFoundException($path));
			return $folder;
		});
		return $root;
	}

	private function user(string $uid): IUser {
		return $this->createConfiguredMock(IUser::class, ['getUID' => $uid]);
	}

	/** @return array{OutputInterface, \ArrayObject<int, string>} an output that collects the lines written, and the lines */
	private function collectingOutput(): array {
		$lines = new \ArrayObject();
		$output = $this->createMock(OutputInterface::class);
		$output->method('writeln')->willReturnCallback(static function (string|iterable $messages) use ($lines): void {
			foreach (is_string($messages) ? [$messages] : $messages as $message) {
				$lines[] = $message . "\n";
			}
		});
		return [$output, $lines];
	}

	/** Exports a user into the archive folder, as user_migration does; returns what it wrote. */
	private function export(string $uid): string {
		$destination = new DirectoryExportDestination($this->archive);
		[$output, $lines] = $this->collectingOutput();
		$this->migrator->export($this->user($uid), $destination, $output);
		$destination->setMigratorVersions([$this->migrator->getId() => $this->migrator->getVersion()]);
		$destination->close();
		return implode('', $lines->getArrayCopy());
	}

	/** Imports the archive folder into a user, as user_migration does; returns what it wrote. */
	private function import(string $uid): string {
		$source = new DirectoryImportSource($this->archive);
		self::assertTrue($this->migrator->canImport($source));
		[$output, $lines] = $this->collectingOutput();
		$this->migrator->import($this->user($uid), $source, $output);
		$source->close();
		return implode('', $lines->getArrayCopy());
	}

	/** @return array<string, mixed> the records of the archive */
	private function archived(): array {
		return json_decode((string)file_get_contents($this->archive . '/' . PilotFeedbackMigrator::PATH), true, 64, JSON_THROW_ON_ERROR);
	}

	/** @return list<array<string, mixed>> the rows of a table that belong to a user */
	private function rowsOf(string $table, string $column, string $uid): array {
		return array_values(array_filter($this->tables[$table], static fn (array $row): bool => $row[$column] === $uid));
	}

	public function testTheExportHoldsTheTestersFeedbackAndNothingOfOthers(): void {
		self::assertSame("Exporting the Pilot Feedback records into pilotfeedback/records.json…\n", $this->export('tester'));

		$records = $this->archived();
		self::assertSame(1, $records['format']);
		self::assertSame(['Upload stalls', 'Upload hangs'], array_column($records['items'], 'title'));
		self::assertSame([null, 100], array_column($records['items'], 'duplicateOf'));
		self::assertSame(['E-Akte', 30, 40, 4, 'Works well', [['criterionId' => 20, 'score' => 5], ['criterionId' => 21, 'score' => null]]], [
			$records['catalogue']['components'][10], $records['assessments'][0]['organisationId'], $records['assessments'][0]['periodId'],
			$records['assessments'][0]['overall'], $records['assessments'][0]['comment'], $records['assessments'][0]['scores'],
		]);
		self::assertCount(1, $records['assessments'], 'not the other tester\'s rating');
		self::assertSame([200], array_column($records['supports'], 'itemId'));
		self::assertSame(['Me too, every morning.', 'Steps: upload 2 GB.'], array_column($records['comments'], 'message'));
		self::assertSame(['created'], array_column($records['history'], 'field'), 'the tester\'s own entries on their own items only');
		self::assertSame(['monthly', 'export'], array_column($records['reports'], 'type'));
		self::assertSame(['pilots' => [1 => 'PoC 1'], 'components' => [10 => 'E-Akte'], 'criteria' => [20 => 'Usability', 21 => 'Stability'], 'organisations' => [30 => 'RKI'], 'periods' => [40 => '2026-11']], $records['catalogue']);

		$json = (string)file_get_contents($this->archive . '/' . PilotFeedbackMigrator::PATH);
		self::assertStringNotContainsString('Chat freezes', $json, 'someone else\'s item is carried as a fingerprint only');
		self::assertStringNotContainsString('Not mine', $json);
		self::assertStringNotContainsString('"other"', $json);
		self::assertSame([200 => UserRecordsMapper::fingerprint('Chat freezes', 1_780_000_000)], $records['otherItems']);
	}

	public function testImportingIntoANewAccountOnTheSameServerRestoresEverything(): void {
		$this->export('tester');
		// the imported rating counts in the monthly totals, in its pilot, organisation and month
		$this->totals->expects(self::once())->method('record')->with('newcomer', 1, 10, 40, null, new RatingContribution(30, true, 4, [20 => 5, 21 => null]));

		$output = $this->import('newcomer');

		self::assertSame("Importing the Pilot Feedback records from pilotfeedback/records.json…\nImported 2 items, 1 ratings, 1 supports, 2 comments and 1 report records.\n", $output);
		$items = $this->rowsOf('pf_items', 'reporter_id', 'newcomer');
		self::assertSame(['Upload stalls', 'Upload hangs'], array_column($items, 'title'));
		[$stalls, $hangs] = $items;
		self::assertNotContains($stalls['id'], [100, 101, 200], 'new ids');
		self::assertSame([10, 1, 30, 'in_review', 3, 'Body of Upload stalls', false, 1], [$stalls['component_id'], $stalls['pilot_id'], $stalls['org_id'], $stalls['status'], $stalls['priority'], $stalls['body'], $stalls['confidential'], $stalls['version']]);
		self::assertSame($stalls['id'], $hangs['duplicate_of'], 'the duplicate points to the imported original');
		self::assertSame([$stalls['id'], $hangs['id']], $this->indexed, 'the titles are searchable');
		self::assertSame([['item_id' => $stalls['id'], 'field' => 'created']], array_map(static fn (array $h): array => ['item_id' => $h['item_id'], 'field' => $h['field']], $this->rowsOf('pf_history', 'user_id', 'newcomer')));

		$assessment = $this->rowsOf('pf_assessments', 'user_id', 'newcomer');
		self::assertSame([[30, 1, 10, 40, 4, 'Works well', 1]], array_map(static fn (array $a): array => [$a['org_id'], $a['pilot_id'], $a['component_id'], $a['period_id'], $a['overall'], $a['comment'], $a['rated']], $assessment));
		self::assertSame([[20, 5], [21, null]], array_values(array_map(static fn (array $s): array => [$s['criterion_id'], $s['score']], array_filter($this->tables['pf_scores'], static fn (array $s): bool => $s['assessment_id'] === $assessment[0]['id']))));

		self::assertSame([200], array_column($this->rowsOf('pf_supporters', 'user_id', 'newcomer'), 'item_id'), 'the support of someone else\'s item that is here');
		self::assertSame(2, $this->tables['pf_items'][200]['support_count']);
		self::assertEqualsCanonicalizing([$stalls['id'], $hangs['id'], 200], $this->recounted);
		$comments = array_values(array_filter($this->comments, static fn (array $c): bool => $c['actor'] === 'newcomer'));
		self::assertSame([[200, 'Me too, every morning.', 1_790_000_100], [$stalls['id'], 'Steps: upload 2 GB.', 1_790_000_200]], array_map(static fn (array $c): array => [$c['itemId'], $c['message'], $c['createdAt']], $comments));

		$reports = $this->rowsOf('pf_reports', 'requested_by', 'newcomer');
		self::assertCount(1, $reports, 'a report that was still queued is left out');
		self::assertSame(['monthly', 1, '2026-11', 'done', 777, 'Monthly status report - 2026-11.odt', 'Pilot Feedback/Reports'], [$reports[0]['type'], $reports[0]['pilot_id'], $reports[0]['period'], $reports[0]['status'], $reports[0]['file_id'], $reports[0]['file_name'], $reports[0]['folder']], 'the file found in the newcomer\'s Files');
	}

	public function testImportingTwiceDoublesNothing(): void {
		$this->export('tester');
		$this->import('newcomer');
		$tables = $this->tables;
		$comments = count($this->comments);

		self::assertStringContainsString('Imported 0 items, 0 ratings, 0 supports, 0 comments and 0 report records.', $this->import('newcomer'));
		self::assertSame($tables, $this->tables);
		self::assertCount($comments, $this->comments);
	}

	public function testOnAnotherServerTheCatalogueIsFoundByNameAndWhatIsMissingIsLeftOut(): void {
		$this->export('tester');
		// Server B: the same catalogue under other ids, no criterion "Stability", no item 200.
		$this->tables = [
			'pf_pilots' => [5 => ['id' => '5', 'title' => 'PoC 1']],
			'pf_components' => [7 => ['id' => '7', 'name' => 'Chat'], 10 => ['id' => '10', 'name' => 'Chat (old)'], 8 => ['id' => '8', 'name' => 'E-Akte']],
			'pf_criteria' => [3 => ['id' => '3', 'name' => 'Usability']],
			'pf_orgs' => [2 => ['id' => '2', 'short_name' => 'RKI']],
			'pf_periods' => [9 => ['id' => '9', 'month' => '2026-11']],
			'pf_items' => [], 'pf_history' => [], 'pf_assessments' => [], 'pf_scores' => [], 'pf_supporters' => [], 'pf_reports' => [],
		];
		$this->comments = [];

		$output = $this->import('tester');

		$items = $this->rowsOf('pf_items', 'reporter_id', 'tester');
		self::assertSame([[8, 5, 2], [8, 5, 2]], array_map(static fn (array $i): array => [$i['component_id'], $i['pilot_id'], $i['org_id']], $items), 'by name, also where the same id names another entry here');
		self::assertSame([[2, 5, 8, 9]], array_values(array_map(static fn (array $a): array => [$a['org_id'], $a['pilot_id'], $a['component_id'], $a['period_id']], $this->tables['pf_assessments'])), 'the pilot found by name too');
		self::assertSame([[3, 5]], array_values(array_map(static fn (array $s): array => [$s['criterion_id'], $s['score']], $this->tables['pf_scores'])), 'the score of a criterion this server lacks is left out');
		self::assertSame([], $this->tables['pf_supporters'], 'item 200 is not here');
		self::assertSame([[$items[0]['id'], 'Steps: upload 2 GB.']], array_map(static fn (array $c): array => [$c['itemId'], $c['message']], $this->comments));
		self::assertStringContainsString('Imported 2 items, 1 ratings, 0 supports, 1 comments and 1 report records.', $output);
		self::assertStringContainsString('Left out 3 records whose pilot, component, criterion, organisation, period or item does not exist on this server.', $output);
	}

	public function testAnArchiveWithoutTheAppsRecordsImportsNothingAndANewerFormatIsRefused(): void {
		$destination = new DirectoryExportDestination($this->archive);
		$destination->setMigratorVersions(['usermigrationservice' => 1]);
		self::assertSame("The export holds no Pilot Feedback records.\n", $this->import('newcomer'));

		$destination->setMigratorVersions(['pilotfeedback' => 1]);
		$destination->addFileContents(PilotFeedbackMigrator::PATH, json_encode(['format' => 2, 'items' => []], JSON_THROW_ON_ERROR));
		$this->expectException(UserMigrationException::class);
		$this->import('newcomer');
	}

	public function testANewerVersionOfTheMigratorIsNotImported(): void {
		$destination = new DirectoryExportDestination($this->archive);
		$destination->setMigratorVersions(['pilotfeedback' => 2]);
		self::assertFalse($this->migrator->canImport(new DirectoryImportSource($this->archive)));
	}

	public function testTheSizeEstimateGrowsWithTheRecords(): void {
		// 2 items, 1 assessment (counted twice), 1 support, 2 history entries, 2 reports: 9 rows, half a KiB each
		self::assertSame(5, $this->migrator->getEstimatedExportSize($this->user('tester')));
		self::assertSame(1, $this->migrator->getEstimatedExportSize($this->user('nobody')));
		self::assertSame('pilotfeedback', $this->migrator->getId());
		self::assertSame('Pilot Feedback', $this->migrator->getDisplayName());
	}
}
