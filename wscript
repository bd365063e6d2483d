# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# SPDX-License-Identifier: GPL-2.0-only
#
# waf description of the dmm module, for ns-3 trees up to 3.35 (src/dmm or
# contrib/dmm). It lists exactly the files of CMakeLists.txt;
# test/check-build-lists.py fails when the two lists differ.
#
# The unit tests are GoogleTest cases (test/*-test.cc, as test/CMakeLists.txt globs them);
# with --enable-tests they form the module's test library, in which the ns-3 suite "dmm"
# (test/dmm-gtest-suite.cc) runs them under ./test.py -s dmm.


import os
import re


def ns3_version(ctx):
    """major * 100 + minor of the ns-3 tree, from its VERSION file ("3.35")."""
    path = os.path.join(ctx.srcnode.abspath(), 'VERSION')
    try:
        with open(path) as f:
            m = re.match(r'\s*(\d+)\.(\d+)', f.read())
    except OSError:
        m = None
    # Every waf-era release (up to 3.35) has the pre-3.36 API model/ns3-version-compat.h
    # adapts to, so an unreadable VERSION (e.g. "3-dev") is taken as 3.35.
    return int(m.group(1)) * 100 + int(m.group(2)) if m else 335


def configure(conf):
    # fmt and nlohmann-json are the module's only dependencies outside ns-3.
    # pkg-config first; distributions without the .pc files still ship the
    # headers (and libfmt), so fall back to a plain compile check.
    have_fmt = conf.check_cfg(package='fmt', uselib_store='FMT',
                              args=['--cflags', '--libs'], mandatory=False)
    if not have_fmt:
        have_fmt = conf.check_cxx(lib='fmt', header_name='fmt/format.h',
                                  uselib_store='FMT', mandatory=False)
    have_json = conf.check_cfg(package='nlohmann_json', uselib_store='NLOHMANN_JSON',
                               args=['--cflags'], mandatory=False)
    if not have_json:
        have_json = conf.check_cxx(header_name='nlohmann/json.hpp',
                                   uselib_store='NLOHMANN_JSON', mandatory=False)
    # GoogleTest, for the test library (ns-3's runner sees the cases through test/dmm-gtest-suite.cc).
    conf.check_cxx(lib=['gtest', 'pthread'], header_name='gtest/gtest.h',
                   uselib_store='GTEST', define_name='HAVE_GTEST', mandatory=False)
    # Boost.Graph is header-only.
    have_graph = conf.check_cxx(header_name='boost/graph/adjacency_list.hpp',
                                uselib_store='BOOST_GRAPH', mandatory=False)

    missing = [name for name, ok in (('fmt', have_fmt), ('nlohmann-json', have_json),
                                     ('boost graph', have_graph)) if not ok]
    if missing:
        conf.report_optional_feature('dmm', 'IP mobility management (dmm)', False,
                                     'missing: ' + ', '.join(missing))
        # Add this module to the list of modules that won't be built
        # if they are enabled.
        conf.env.append_value('MODULES_NOT_BUILT', 'dmm')
        return
    conf.report_optional_feature('dmm', 'IP mobility management (dmm)', True, '')


def build(bld):
    if 'dmm' in bld.env['MODULES_NOT_BUILT']:
        return

    module = bld.create_ns3_module('dmm', ['internet', 'point-to-point', 'wifi', 'virtual-net-device',
                                           'mobility', 'applications'])
    module.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
    # model/ns3-version-compat.h selects the API by it (the CMake builds leave it unset).
    # On the module's own targets, exported through `use` to the programs and tests,
    # and not global: a changed global define would rebuild all of ns-3.
    version = ['DMM_NS3_VERSION=%d' % ns3_version(bld)]
    module.defines = version
    module.export_defines = version
    module.source = [
        'model/compacting-scheduler.cc',
        'model/mobility-header.cc',
        'model/mobility-security.cc',
        'model/attacker-agent.cc',
        'model/security-directory.cc',
        'model/mr-agent.cc',
        'model/mobility-option.cc',
        'model/mobility-option-mipv6.cc',
        'model/binding-update.cc',
        'model/binding-ack.cc',
        'model/proxy-binding-update.cc',
        'model/proxy-binding-ack.cc',
        'model/binding-refresh-request.cc',
        'model/home-test-init.cc',
        'model/care-of-test-init.cc',
        'model/home-test.cc',
        'model/care-of-test.cc',
        'model/binding-error.cc',
        'model/home-address-option-header.cc',
        'model/type2-routing-header.cc',
        'model/return-routability.cc',
        'model/mobility-l4-protocol.cc',
        'model/ipv6-tunnel-l4-protocol.cc',
        'model/home-address-allocation.cc',
        'model/prefix-pool-allocation.cc',
        'model/location-management.cc',
        'model/binding-cache.cc',
        'model/location-cache.cc',
        'model/location-message.cc',
        'model/location-notify.cc',
        'model/location-query.cc',
        'model/location-register-ack.cc',
        'model/location-register.cc',
        'model/location-reply.cc',
        'model/location-server.cc',
        'model/location-stale.cc',
        'model/location-update-relay.cc',
        'model/mobility-routing.cc',
        'model/prefix-routing.cc',
        'model/location-update.cc',
        'model/proxy-location-update.cc',
        'model/sequence-number-store.cc',
        'model/routing-control.cc',
        'model/home-address-extension.cc',
        'model/type2-routing-extension.cc',
        'model/distributed-mobility-routing.cc',
        'model/context-reply.cc',
        'model/context-request.cc',
        'model/dmm-session-header.cc',
        'model/session-query.cc',
        'model/session-reply.cc',
        'model/session-update.cc',
        'model/lm-sync.cc',
        'model/session-db-agent.cc',
        'model/mar-agent.cc',
        'model/prefix-use.cc',
        'model/replicated-binding-cache.cc',
        'model/dmm-agent.cc',
        'model/anchor-agent.cc',
        'model/lma-agent.cc',
        'model/ha-agent.cc',
        'model/host-mobility-routing.cc',
        'model/client-location-update.cc',
        'model/mip-mn-agent.cc',
        'model/dma-client-access-agent.cc',
        'model/dma-client-mn-agent.cc',
        'model/located-mn-agent.cc',
        'model/rr-initiator.cc',
        'model/cn-agent.cc',
        'model/mag-agent.cc',
        'model/mn-agent.cc',
        'model/access-router-agent.cc',
        'model/nd-options.cc',
        'model/source-address-selection.cc',
        'model/l2-mobility.cc',
        'model/access-channel.cc',
        'model/access-net-device.cc',
        'model/link-switch.cc',
        'model/logical-net-device.cc',
        'model/flow-binding-table.cc',
        'model/fluid-flow.cc',
        'model/wifi-link-monitor.cc',
        'model/handover-monitor.cc',
        'model/signaling-monitor.cc',
        'model/path-monitor.cc',
        'model/seq-ledger.cc',
        'model/neighbor-cache-watch.cc',
        'model/data-packet-drop.cc',
        'model/conservation-monitor.cc',
        'model/conservation-monitor-watch.cc',
        'helper/profile-registry.cc',
        'helper/recipe.cc',
        'helper/recipe-rules.cc',
        'helper/pmipv6-helper.cc',
        'helper/prefix-routing-helper.cc',
        'helper/dma-helper.cc',
        'helper/location-helper.cc',
        'helper/mipv6-helper.cc',
        'helper/scenario-profiles.cc',
        'helper/access-network-helper.cc',
        'helper/interned-name.cc',
        'helper/json-object-reader.cc',
        'helper/json-duplicate-key-finder.cc',
        'helper/scenario-config.cc',
        'helper/scenario-loader.cc',
        'helper/scenario-security.cc',
        'helper/scenario-attacks.cc',
        'helper/scenario-interfaces.cc',
        'helper/scenario-mobility.cc',
        'helper/scenario-routes.cc',
        'helper/security-helper.cc',
        'helper/scenario-location.cc',
        'helper/scenario-builder.cc',
        'helper/scenario-topology.cc',
        'helper/scenario-flows.cc',
        'helper/topology-graph.cc',
        'helper/topology-generator.cc',
        'helper/movement-generator.cc',
        'helper/result-writer.cc',
        'helper/record-stream.cc',
        'helper/progress-reporter.cc',
        'model/dlma-message.cc',
        'model/dlma-location-inform.cc',
        'model/dlma-cache-update.cc',
        'model/dlma-uniqueness-check.cc',
        'model/dlma-uniqueness-reply.cc',
        'model/dlma-agent.cc',
        'model/dlma-mag-forwarding.cc',
        'model/dlma-retransmission.cc',
        'model/dlma-location-ack.cc',
        'model/dlma-agent-signalling.cc',
        'helper/scenario-distributed-lma.cc',
        'helper/scenario-domain-profiles.cc',
        'helper/scenario-domains.cc',
        'model/hoa-request.cc',
        'model/hoa-reply.cc',
        'model/mr-redirect.cc',
        'model/mr-handover-complete.cc',
        'model/security-context-option.cc',
        'model/haa-agent.cc',
        'model/dmm-mip-routing.cc',
        'model/dmm-mip-mr-agent.cc',
        'model/lm-relay.cc',
        'helper/scenario-dmm-mip.cc',
        'model/elma-locator.cc',
        'model/inform-retransmission.cc',
        'model/epmip-message.cc',
        'model/binding-query-request.cc',
        'model/binding-query-answer.cc',
        'model/binding-change-inform.cc',
        'model/binding-change-ack.cc',
        'model/location-management-function.cc',
        'model/legacy-interworking.cc',
        'helper/scenario-epmip-legacy.cc',
        'model/distributed-routing-function.cc',
        'model/distributed-routing-function-handoff.cc',
        'helper/scenario-epmip.cc',
        'helper/scenario-fluid.cc',
        'model/access-router-drf.cc',
        'model/fixed-node-lmf.cc',
        'helper/scenario-epmip-fixed.cc',
        'model/anchor-drf.cc',
        'model/anchor-dmf.cc',
        'model/lma-selecting-update.cc',
        'model/policy-profile-store.cc',
        'model/border-drf.cc',
        'model/standalone-lmf.cc',
        'helper/scenario-epmip-alternative.cc',
        ]

    headers = bld(features='ns3header')
    headers.module = 'dmm'
    headers.source = [
        'model/compacting-scheduler.h',
        'model/mobility-header.h',
        'model/mobility-security.h',
        'model/attacker-agent.h',
        'model/security-directory.h',
        'helper/security-helper.h',
        'model/mr-agent.h',
        'model/mobility-option.h',
        'model/binding-update.h',
        'model/binding-ack.h',
        'model/proxy-binding-update.h',
        'model/proxy-binding-ack.h',
        'model/binding-refresh-request.h',
        'model/home-test-init.h',
        'model/care-of-test-init.h',
        'model/home-test.h',
        'model/care-of-test.h',
        'model/binding-error.h',
        'model/home-address-option-header.h',
        'model/type2-routing-header.h',
        'model/return-routability.h',
        'model/mobility-l4-protocol.h',
        'model/ipv6-tunnel-l4-protocol.h',
        'model/home-address-allocation.h',
        'model/prefix-pool-allocation.h',
        'model/location-management.h',
        'model/binding-cache.h',
        'model/location-cache.h',
        'model/location-message.h',
        'model/location-notify.h',
        'model/location-query.h',
        'model/location-register-ack.h',
        'model/location-register.h',
        'model/location-reply.h',
        'model/location-server.h',
        'model/location-stale.h',
        'model/location-update-relay.h',
        'model/mobility-routing.h',
        'model/prefix-table.h',
        'model/prefix-routing.h',
        'model/location-update.h',
        'model/proxy-location-update.h',
        'model/sequence-number-store.h',
        'model/routing-control.h',
        'model/home-address-extension.h',
        'model/type2-routing-extension.h',
        'model/distributed-mobility-routing.h',
        'model/context-reply.h',
        'model/context-request.h',
        'model/dmm-session-header.h',
        'model/session-query.h',
        'model/session-reply.h',
        'model/session-update.h',
        'model/lm-sync.h',
        'model/session-db-agent.h',
        'model/mar-agent.h',
        'model/prefix-use.h',
        'model/replicated-binding-cache.h',
        'model/anchor-agent.h',
        'model/lma-agent.h',
        'model/ha-agent.h',
        'model/host-mobility-routing.h',
        'model/client-location-update.h',
        'model/mip-mn-agent.h',
        'model/dma-client-access-agent.h',
        'model/dma-client-mn-agent.h',
        'model/located-mn-agent.h',
        'model/rr-initiator.h',
        'model/cn-agent.h',
        'model/mag-agent.h',
        'model/mn-agent.h',
        'model/access-router-agent.h',
        'model/nd-options.h',
        'model/source-address-selection.h',
        'model/l2-mobility.h',
        'model/access-channel.h',
        'model/access-net-device.h',
        'model/link-switch.h',
        'model/logical-net-device.h',
        'model/flow-binding-table.h',
        'model/fluid-flow.h',
        'model/wifi-link-monitor.h',
        'model/handover-monitor.h',
        'model/held-queue.h',
        'model/mobility-records.h',
        'model/dmm.h',
        'model/dmm-agent.h',
        'model/signaling-monitor.h',
        'model/path-monitor.h',
        'model/seq-ledger.h',
        'model/uid-horizon.h',
        'model/neighbor-cache-watch.h',
        'model/data-packet-drop.h',
        'model/conservation-monitor.h',
        'helper/profile-registry.h',
        'helper/recipe.h',
        'helper/scenario-domain-profiles.h',
        'helper/pmipv6-helper.h',
        'helper/prefix-routing-helper.h',
        'helper/dma-helper.h',
        'helper/location-helper.h',
        'helper/mipv6-helper.h',
        'helper/access-network-helper.h',
        'helper/address-plan.h',
        'helper/interned-name.h',
        'helper/name-index.h',
        'helper/json-object-reader.h',
        'helper/json-duplicate-key-finder.h',
        'helper/scenario-config.h',
        'helper/scenario-builder.h',
        'helper/scenario-run.h',
        'helper/scenario-topology.h',
        'helper/scenario-flows.h',
        'helper/topology-graph.h',
        'helper/topology-generator.h',
        'helper/movement-generator.h',
        'helper/result-writer.h',
        'helper/record-stream.h',
        'helper/progress-reporter.h',
        'model/dlma-message.h',
        'model/dlma-location-inform.h',
        'model/dlma-cache-update.h',
        'model/dlma-uniqueness-check.h',
        'model/dlma-uniqueness-reply.h',
        'model/dlma-agent.h',
        'model/dlma-mag-forwarding.h',
        'model/dlma-retransmission.h',
        'model/dlma-location-ack.h',
        'model/hoa-request.h',
        'model/hoa-reply.h',
        'model/mr-redirect.h',
        'model/mr-handover-complete.h',
        'model/security-context-option.h',
        'model/haa-agent.h',
        'model/dmm-mip-routing.h',
        'model/dmm-mip-mr-agent.h',
        'model/lm-relay.h',
        'model/elma-locator.h',
        'model/inform-retransmission.h',
        'model/keyed-retransmitter.h',
        'model/epmip-message.h',
        'model/binding-query-request.h',
        'model/binding-query-answer.h',
        'model/binding-change-inform.h',
        'model/binding-change-ack.h',
        'model/location-management-function.h',
        'model/legacy-interworking.h',
        'model/distributed-routing-function.h',
        'model/access-router-drf.h',
        'model/fixed-node-lmf.h',
        'model/anchor-drf.h',
        'model/anchor-dmf.h',
        'model/lma-selecting-update.h',
        'model/policy-profile-store.h',
        'model/border-drf.h',
        'model/standalone-lmf.h',
        'model/ns3-version-compat.h',
        ]

    if bld.env.ENABLE_EXAMPLES:
        obj = bld.create_ns3_program('dmm-run', ['dmm'])
        obj.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        obj.source = [
            'examples/dmm-run.cc',
            ]
        example = bld.create_ns3_program('pmipv6-example', ['dmm'])
        example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        example.source = [
            'examples/pmipv6-example.cc',
            ]
        mipv6_example = bld.create_ns3_program('mipv6-example', ['dmm'])
        mipv6_example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        mipv6_example.source = [
            'examples/mipv6-example.cc',
            ]
        hmipv6_example = bld.create_ns3_program('hmipv6-example', ['dmm'])
        hmipv6_example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        hmipv6_example.source = [
            'examples/hmipv6-example.cc',
            ]
        dma_example = bld.create_ns3_program('dma-example', ['dmm'])
        dma_example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        dma_example.source = [
            'examples/dma-example.cc',
            ]
        dma_client_example = bld.create_ns3_program('dma-client-example', ['dmm'])
        dma_client_example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        dma_client_example.source = [
            'examples/dma-client-example.cc',
            ]
        migrating_ha_example = bld.create_ns3_program('migrating-ha-example', ['dmm'])
        migrating_ha_example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        migrating_ha_example.source = [
            'examples/migrating-ha-example.cc',
            ]
        fully_distributed_example = bld.create_ns3_program('fully-distributed-example', ['dmm'])
        fully_distributed_example.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH'])
        fully_distributed_example.source = [
            'examples/fully-distributed-example.cc',
            ]
        # The plain-ns-3 reference of tools/benchmark.py --plain (no class of the library).
        plain_baseline = bld.create_ns3_program('plain-ns3-baseline',
                                                ['core', 'network', 'internet', 'applications',
                                                 'point-to-point', 'csma'])
        plain_baseline.source = [
            'examples/plain-ns3-baseline.cc',
            ]

    if bld.env.ENABLE_TESTS and bld.env.LIB_GTEST:
        tests = bld.create_ns3_module_test_library('dmm')
        tests.use.extend(['FMT', 'NLOHMANN_JSON', 'BOOST_GRAPH', 'GTEST'])
        tests.source = ['test/dmm-gtest-suite.cc', 'test/fuzz/packet-injector.cc'] + \
            [n.path_from(bld.path) for n in bld.path.ant_glob('test/*-test.cc')]
        # The cases read scenarios from the source tree and run the built dmm-run.
        run = os.path.join(bld.path.get_bld().abspath(), obj.target) \
            if bld.env.ENABLE_EXAMPLES else 'dmm-run (configure with --enable-examples)'
        tests.defines = ['DMM_SOURCE_DIR="%s"' % bld.path.abspath(),
                         'DMM_BINARY_DIR="%s"' % bld.path.get_bld().abspath(),
                         'DMM_RUN_PATH="%s"' % run]
