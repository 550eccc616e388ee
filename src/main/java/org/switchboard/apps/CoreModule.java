package org.switchboard.apps;

import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.funcs.ExceptionFunction;
import org.switchboard.funcs.MessageFunction;
import org.switchboard.res.cli.commands.ChannelOriginate;
import org.switchboard.res.cli.commands.ChannelRequestHangup;
import org.switchboard.res.cli.commands.CoreSetVerbose;
import org.switchboard.res.cli.commands.CoreShowApplication;
import org.switchboard.res.cli.commands.CoreShowApplications;
import org.switchboard.res.cli.commands.CoreShowChannel;
import org.switchboard.res.cli.commands.CoreShowChannels;
import org.switchboard.res.cli.commands.CoreShowFunction;
import org.switchboard.res.cli.commands.CoreShowFunctions;
import org.switchboard.res.cli.commands.CoreShowHelp;
import org.switchboard.res.cli.commands.CoreShowHints;
import org.switchboard.res.cli.commands.CoreShowUptime;
import org.switchboard.res.cli.commands.CoreShowVersion;
import org.switchboard.res.cli.commands.CoreStop;
import org.switchboard.res.cli.commands.DatabaseDel;
import org.switchboard.res.cli.commands.DatabaseDelTree;
import org.switchboard.res.cli.commands.DatabaseGet;
import org.switchboard.res.cli.commands.DatabasePut;
import org.switchboard.res.cli.commands.DatabaseQuery;
import org.switchboard.res.cli.commands.DatabaseShow;
import org.switchboard.res.cli.commands.DatabaseShowKey;
import org.switchboard.res.cli.commands.ModuleLoadUnload;
import org.switchboard.res.cli.commands.ModuleShow;
import org.switchboard.res.cli.commands.Reload;

/** core: Core PBX: built-in applications and functions. */
public final class CoreModule implements Module {
    @Override public String name() { return "core"; }
    @Override public String description() { return "Core PBX: built-in applications and functions"; }

    @Override
    public void register(ModuleContext ctx) {
        ctx.application(new AnswerApp());
        ctx.application(new HangupApp());
        ctx.application(new NoOpApp());
        ctx.application(new SetApp());
        ctx.application(new MSetApp());
        ctx.application(new GotoApp());
        ctx.application(new GotoIfApp());
        ctx.application(new GotoIfTimeApp());
        ctx.application(new ExecIfTimeApp());
        ctx.application(new WaitApp());
        ctx.application(new WaitExtenApp());
        ctx.application(new ProgressApp());
        ctx.application(new RingingApp());
        ctx.application(new BusyApp());
        ctx.application(new CongestionApp());
        ctx.application(new MessageSendApp());
        ctx.application(new BackgroundApp());
        ctx.application(new SayDigitsApp());
        ctx.application(new SayNumberApp());
        ctx.application(new SayAlphaApp());
        ctx.application(new WaitDigitApp());
        ctx.application(new SayPhoneticApp());
        ctx.application(new SetAmaFlagsApp());
        ctx.function(new ExceptionFunction());
        ctx.function(new MessageFunction());
        ctx.cliCommand(new CoreShowVersion());
        ctx.cliCommand(new CoreShowUptime());
        ctx.cliCommand(new CoreShowChannels());
        ctx.cliCommand(new CoreShowChannel());
        ctx.cliCommand(new CoreShowApplications());
        ctx.cliCommand(new CoreShowFunctions());
        ctx.cliCommand(new CoreShowApplication());
        ctx.cliCommand(new CoreShowFunction());
        ctx.cliCommand(new CoreShowHelp());
        ctx.cliCommand(new ModuleShow());
        ctx.cliCommand(new CoreSetVerbose());
        ctx.cliCommand(new ChannelOriginate());
        ctx.cliCommand(new ChannelRequestHangup());
        ctx.cliCommand(new CoreStop());
        ctx.cliCommand(new Reload());
        ctx.cliCommand(new ModuleLoadUnload.Load());
        ctx.cliCommand(new ModuleLoadUnload.Unload());
        ctx.cliCommand(new DatabaseShow());
        ctx.cliCommand(new DatabaseShowKey());
        ctx.cliCommand(new DatabasePut());
        ctx.cliCommand(new DatabaseGet());
        ctx.cliCommand(new DatabaseDel());
        ctx.cliCommand(new DatabaseDelTree());
        ctx.cliCommand(new DatabaseQuery());
        ctx.cliCommand(new CoreShowHints());
    }
}
