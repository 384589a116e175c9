<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Event;

use OCA\PilotFeedback\Db\Assessment;
use OCA\PilotFeedback\Db\Item;
use OCA\PilotFeedback\Db\Period;
use OCA\PilotFeedback\Db\Release;
use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Event\ActingRole;
use OCA\PilotFeedback\Event\AssessmentSaved;
use OCA\PilotFeedback\Event\ItemChange;
use OCA\PilotFeedback\Event\ItemCommented;
use OCA\PilotFeedback\Event\ItemCreated;
use OCA\PilotFeedback\Event\ItemMerged;
use OCA\PilotFeedback\Event\ItemStatusChanged;
use OCA\PilotFeedback\Event\ItemSupported;
use OCA\PilotFeedback\Event\ItemUpdated;
use OCA\PilotFeedback\Event\PeriodClosed;
use OCA\PilotFeedback\Event\PeriodReleased;
use OCA\PilotFeedback\Event\ReportGenerated;
use OCA\PilotFeedback\Model\Actor;
use OCP\EventDispatcher\IWebhookCompatibleEvent;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * Webhook payloads hold ids of the app's objects, types, states, time stamps and the role the
 * actor acted in, never a user id or a display name (issue 18): every event class of lib/Event
 * is built from records full of the demo accounts' ids and names, and none of them may show
 * up in its payload.
 */
final class WebhookPayloadTest extends TestCase {
	private const RKI = 2;
	private const BSH = 5;

	/** The demo accounts (DemoSeeder): user ids and display names. */
	private const USER_IDS = ['admin', 'bmi', 'rki-coord', 'rki-tester1', 'rki-tester2', 'bsh-coord', 'bsh-tester1', 'bsh-tester2'];
	private const DISPLAY_NAMES = ['BMI Konsolidierung', 'RKI Koordination', 'RKI Tester 1', 'RKI Tester 2', 'BSH Koordination', 'BSH Tester 1', 'BSH Tester 2'];

	/** Payload keys that would name a person. */
	private const USER_KEYS = ['actorId', 'userId', 'requestedBy', 'reporterId', 'user', 'uid', 'displayName', 'actorName', 'userName'];

	private static function tester(): Actor {
		return new Actor('rki-tester1', memberOrgIds: [self::RKI]);
	}

	private static function coordinator(): Actor {
		return new Actor('rki-coord', memberOrgIds: [self::RKI], coordinatorOrgIds: [self::RKI]);
	}

	private static function otherTester(): Actor {
		return new Actor('bsh-tester1', memberOrgIds: [self::BSH]);
	}

	private static function otherCoordinator(): Actor {
		return new Actor('bsh-coord', coordinatorOrgIds: [self::BSH]);
	}

	private static function consolidator(): Actor {
		return new Actor('bmi', isConsolidator: true);
	}

	/** A consolidator who is also in RKI's testers' group. */
	private static function testingConsolidator(): Actor {
		return new Actor('bmi', isConsolidator: true, memberOrgIds: [self::RKI]);
	}

	/** A security finding of RKI, filed by rki-tester1, whose content names people. */
	private static function item(string $status = 'in_review', ?int $duplicateOf = null): Item {
		$item = new Item();
		$item->setId(7);
		$item->setType('security');
		$item->setConfidential(true);
		$item->setTitle('RKI Tester 1 found the token of bsh-tester2 in the log');
		$item->setBody('BMI Konsolidierung and RKI Koordination know; rki-tester2 confirmed it.');
		$item->setStatus($status);
		$item->setPriority(4);
		$item->setConsPriority(3);
		$item->setComponentId(3);
		$item->setPilotId(1);
		$item->setOrgId(self::RKI);
		$item->setReporterId('rki-tester1');
		$item->setDuplicateOf($duplicateOf);
		$item->setVendorRef('Reported by rki-coord');
		return $item;
	}

	private static function assessment(): Assessment {
		$assessment = new Assessment();
		$assessment->setId(4);
		$assessment->setUserId('rki-tester2');
		$assessment->setComment('RKI Tester 2 disagrees with BSH Tester 1');
		$assessment->setOrgId(self::RKI);
		$assessment->setComponentId(3);
		$assessment->setPeriodId(5);
		return $assessment;
	}

	private static function release(): Release {
		$release = new Release();
		$release->setId(11);
		$release->setOrgId(self::BSH);
		$release->setPeriodId(5);
		$release->setUserId('bsh-coord');
		$release->setReleasedAt(1_800_000_000);
		return $release;
	}

	private static function period(): Period {
		$period = new Period();
		$period->setId(5);
		$period->setMonth('2026-06');
		$period->setStatus('closed');
		return $period;
	}

	private static function report(string $requestedBy, ?int $orgId, bool $pseudonymised = true, string $origin = Report::ORIGIN_REQUEST): Report {
		$report = new Report();
		$report->setId(9);
		$report->setType('export');
		$report->setFormat('xlsx');
		$report->setPilotId(1);
		$report->setOrgId($orgId);
		$report->setPeriod('2026-06');
		$report->setLanguage('de');
		$report->setPseudonymised($pseudonymised);
		$report->setOrigin($origin);
		$report->setRequestedBy($requestedBy);
		$report->setFolder('BMI Konsolidierung/Pilot Feedback/Reports');
		$report->setFileName('Export 2026-06 - RKI Koordination.xlsx');
		$report->setFileId(412);
		$report->setFinishedAt(1_800_000_100);
		return $report;
	}

	/**
	 * Every event the app dispatches, as the services build them (the actor as a user id, or as
	 * an Actor with roles), each with the role its payload must name.
	 *
	 * @return array<string, array{IWebhookCompatibleEvent, ?string}> description => [event, expected role label]
	 */
	public static function events(): array {
		$item = self::item();
		$rki = 'of organisation ' . self::RKI;
		$bsh = 'of organisation ' . self::BSH;
		[$merged, $duplicateUpdate] = ItemChange::events(self::item('duplicate', 9), 'bmi', ['status' => 'in_review', 'duplicateOf' => null], ['status' => 'duplicate', 'duplicateOf' => '9']);
		return [
			'ItemCreated by a tester (id only)' => [new ItemCreated($item, 'rki-tester1'), null],
			'ItemCreated by a tester' => [new ItemCreated($item, self::tester()), "tester $rki"],
			'ItemCreated by a coordinator' => [new ItemCreated($item, self::coordinator()), "coordinator $rki"],
			'ItemUpdated by its reporter (id only)' => [new ItemUpdated($item, 'rki-tester1', ['title', 'body']), null],
			'ItemUpdated by its reporter' => [new ItemUpdated($item, self::tester(), ['title', 'body']), "tester $rki"],
			'ItemUpdated by the coordinator' => [new ItemUpdated($item, self::coordinator(), ['priority']), "coordinator $rki"],
			'ItemUpdated by a consolidator' => [new ItemUpdated($item, self::consolidator(), ['componentId']), 'consolidator'],
			'ItemUpdated by a consolidator who tests for the organisation' => [new ItemUpdated($item, self::testingConsolidator(), ['body']), 'consolidator'],
			'ItemUpdated by triage (id only)' => [new ItemUpdated($item, 'bmi', ['consolidatedPriority', 'vendorReference']), 'consolidator'],
			'ItemUpdated by a merge (id only)' => [$duplicateUpdate, 'consolidator'],
			'ItemStatusChanged (id only)' => [new ItemStatusChanged($item, 'bmi', 'new'), 'consolidator'],
			'ItemStatusChanged' => [new ItemStatusChanged($item, self::consolidator(), 'new'), 'consolidator'],
			'ItemMerged (id only)' => [$merged, 'consolidator'],
			'ItemMerged' => [new ItemMerged(self::item('duplicate', 9), self::consolidator(), 9), 'consolidator'],
			'ItemCommented by a consolidator (id only)' => [new ItemCommented($item, 'bmi', '15'), null],
			'ItemCommented by a consolidator' => [new ItemCommented($item, self::consolidator(), '15'), 'consolidator'],
			'ItemCommented by the coordinator' => [new ItemCommented($item, self::coordinator(), '16'), "coordinator $rki"],
			'ItemCommented by a consolidator who tests for the organisation' => [new ItemCommented($item, self::testingConsolidator(), '18'), "tester $rki"],
			'ItemCommented by a tester of another organisation' => [new ItemCommented($item, self::otherTester(), '17'), "tester $bsh"],
			'ItemSupported by a tester of another organisation' => [new ItemSupported($item, self::otherTester(), true), "tester $bsh"],
			'ItemSupported by a coordinator of another organisation' => [new ItemSupported($item, self::otherCoordinator(), false), "coordinator $bsh"],
			'ItemSupported (id only)' => [new ItemSupported($item, 'bsh-tester1', true), null],
			'AssessmentSaved' => [new AssessmentSaved(self::assessment()), "tester $rki"],
			'PeriodReleased' => [new PeriodReleased(self::release()), "coordinator $bsh"],
			'PeriodClosed' => [new PeriodClosed(self::period()), 'administrator'],
			'ReportGenerated on request (no roles)' => [new ReportGenerated(self::report('bsh-coord', self::BSH)), null],
			'ReportGenerated with tester names (no roles)' => [new ReportGenerated(self::report('bmi', null, false)), 'consolidator'],
			'ReportGenerated for a consolidator' => [new ReportGenerated(self::report('bmi', null), self::consolidator()), 'consolidator'],
			'ReportGenerated for a coordinator' => [new ReportGenerated(self::report('bsh-coord', self::BSH), self::otherCoordinator()), "coordinator $bsh"],
			'ReportGenerated for a coordinator, all their organisations' => [new ReportGenerated(self::report('bsh-coord', null), self::otherCoordinator()), "coordinator $bsh"],
			'ReportGenerated by the schedule' => [new ReportGenerated(self::report('bmi', null, true, Report::ORIGIN_CADENCE), self::consolidator()), 'system'],
		];
	}

	public function testEveryEventClassOfTheAppIsChecked(): void {
		$classes = [];
		foreach (glob(__DIR__ . '/../../../../lib/Event/*.php') ?: [] as $file) {
			$class = 'OCA\\PilotFeedback\\Event\\' . basename($file, '.php');
			$reflection = new \ReflectionClass($class);
			if (!$reflection->isAbstract() && $reflection->implementsInterface(IWebhookCompatibleEvent::class)) {
				$classes[] = $class;
			}
		}
		$checked = array_values(array_unique(array_map(static fn (array $case): string => $case[0]::class, self::events())));
		sort($classes);
		sort($checked);
		self::assertCount(10, $classes, 'lib/Event has the ten webhook events of docs/events.md');
		self::assertSame($classes, $checked, 'every webhook event class is built in events()');
	}

	#[DataProvider('events')]
	public function testPayloadNamesNoUser(IWebhookCompatibleEvent $event, ?string $role): void {
		$payload = $event->getWebhookSerializable();
		$json = json_encode($payload, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
		foreach (self::USER_IDS as $userId) {
			// a whole user id, not a part of a longer word ("admin" in "administrator")
			self::assertDoesNotMatchRegularExpression('/(?<![A-Za-z0-9_.-])' . preg_quote($userId, '/') . '(?![A-Za-z0-9_.-])/', $json, "user id $userId");
		}
		foreach (self::DISPLAY_NAMES as $name) {
			self::assertStringNotContainsStringIgnoringCase($name, $json, "display name $name");
		}
		self::assertSame([], array_intersect(self::USER_KEYS, self::keys($payload)), 'no field that names a user');
	}

	#[DataProvider('events')]
	public function testPayloadNamesTheRoleTheActorActedIn(IWebhookCompatibleEvent $event, ?string $role): void {
		self::assertTrue(method_exists($event, 'getActorRole'));
		$actual = $event->getActorRole();
		self::assertTrue($actual === null || $actual instanceof ActingRole);
		self::assertSame($role, $actual?->label());
		$payload = $event->getWebhookSerializable();
		self::assertArrayHasKey('actorRole', $payload);
		self::assertArrayHasKey('actorOrganisationId', $payload);
		self::assertSame($actual?->role, $payload['actorRole']);
		self::assertSame($actual?->organisationId, $payload['actorOrganisationId']);
		self::assertNotSame('', json_encode($payload, JSON_THROW_ON_ERROR));
	}

	public function testTheAppsOwnListenersStillGetTheActingUser(): void {
		self::assertSame('rki-tester1', (new ItemCreated(self::item(), self::tester()))->getActorId());
		self::assertSame('bmi', (new ItemStatusChanged(self::item(), 'bmi', 'new'))->getActorId());
		self::assertSame('bsh-coord', (new PeriodReleased(self::release()))->getRelease()->getUserId());
	}

	/**
	 * Every key of a payload, nested ones too.
	 *
	 * @param array<array-key, mixed> $payload
	 * @return list<array-key>
	 */
	private static function keys(array $payload): array {
		$keys = [];
		foreach ($payload as $key => $value) {
			$keys[] = $key;
			if (is_array($value)) {
				array_push($keys, ...self::keys($value));
			}
		}
		return $keys;
	}
}
