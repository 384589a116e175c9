<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Catalogue;

use OCA\PilotFeedback\Catalogue\MeService;
use OCA\PilotFeedback\Db\Organisation;
use OCA\PilotFeedback\Db\OrganisationMapper;
use OCA\PilotFeedback\Model\Actor;
use OCP\IUserManager;
use PHPUnit\Framework\TestCase;

final class MeServiceTest extends TestCase {
	private static function organisation(int $id, string $shortName): Organisation {
		$organisation = new Organisation();
		$organisation->setId($id);
		$organisation->setName($shortName . ' name');
		$organisation->setShortName($shortName);
		return $organisation;
	}

	public function testTheUserWithTheirRolesAndOrganisations(): void {
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->expects(self::once())->method('findByIds')->with([1, 2], false)->willReturn([self::organisation(1, 'RKI'), self::organisation(2, 'BSH')]);
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->with('rki-coord')->willReturn('RKI Koordination');
		$me = (new MeService($organisations, $users))->me(new Actor('rki-coord', false, true, [1], [2]));
		self::assertSame([
			'userId' => 'rki-coord',
			'displayName' => 'RKI Koordination',
			'isAdmin' => false,
			'isConsolidator' => true,
			'organisations' => [
				['id' => 1, 'name' => 'RKI name', 'shortName' => 'RKI', 'isCoordinator' => false],
				['id' => 2, 'name' => 'BSH name', 'shortName' => 'BSH', 'isCoordinator' => true],
			],
		], $me);
	}

	public function testWithoutADisplayNameTheUserIdStandsIn(): void {
		$organisations = $this->createMock(OrganisationMapper::class);
		$organisations->method('findByIds')->willReturn([]);
		$users = $this->createMock(IUserManager::class);
		$users->method('getDisplayName')->willReturn(null);
		self::assertSame('admin', (new MeService($organisations, $users))->me(new Actor('admin', isAdmin: true))['displayName']);
	}
}
